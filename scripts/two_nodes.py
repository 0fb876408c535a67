"""Two application nodes, one worker, one PostgreSQL and one Redis (issue 25, decision 0033).

Run by scripts/two_nodes.sh, which starts Redis and makes an empty database. Starts two
gunicorn servers on different ports and one `manage.py worker`, then proves:

1. the children's answer limit holds across both nodes (participation/abuse.py, the cache):
   past it answers are stored but held as a suspected flood;
2. an import started through node A shows its progress through node B;
3. a moderation on one node changes the cached results on the other at once;
4. a worker killed in the middle of an import loses nothing and doubles nothing: the job
   finishes after the worker starts again (core/jobs.py recovery).

Each check prints one line; the last line is "two nodes: N passed, N failed". With
TWO_NODES_MEASURE=seconds it then measures a short bounded load on both nodes (`measure`).
"""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barnratt.settings")
os.environ.setdefault("BARNRATT_LOG_FORMAT", "text")
RATE_LIMIT = 5
os.environ["BARNRATT_PARTICIPATION_RATE_LIMIT"] = str(RATE_LIMIT)

import django  # noqa: E402
import lxml.html  # noqa: E402
import requests  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

PORT_A = int(os.environ.get("TWO_NODES_PORT_A", "8171"))
PORT_B = int(os.environ.get("TWO_NODES_PORT_B", "8172"))
NODE_A, NODE_B = f"http://127.0.0.1:{PORT_A}", f"http://127.0.0.1:{PORT_B}"
WORKER_ID = "two-nodes-worker-1"
PASSWORD = "demo"  # organisations/demo.py
AGENT = "Mozilla/5.0 (two-nodes test; one school computer)"
RESULTS: list[tuple[str, bool, str]] = []
LOGS = Path(os.environ.get("TWO_NODES_LOGS", "/tmp/barnratt-two-nodes"))


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True)


def start(name: str, *command: str) -> subprocess.Popen:
    LOGS.mkdir(parents=True, exist_ok=True)
    log = (LOGS / f"{name}.log").open("ab")
    return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def start_node(port: int) -> subprocess.Popen:
    return start(
        f"node-{port}",
        sys.executable,
        "-m",
        "gunicorn",
        "barnratt.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--threads",
        "2",
        "--worker-class",
        "gthread",
    )


def start_worker() -> subprocess.Popen:
    command = ("manage.py", "worker", "--worker-id", WORKER_ID, "--interval", "0.2")
    return start("worker", sys.executable, *command)


def wait_until(predicate, seconds: float, step: float = 0.1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


def up(node: str) -> bool:
    try:
        return requests.get(f"{node}/healthz", timeout=10).status_code == 200
    except requests.RequestException:
        return False


def check(name: str, passed: bool, detail: str = "") -> None:
    RESULTS.append((name, passed, detail))
    print(f"{'PASS' if passed else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)


def form_of(html: str, selector: str = "//form[@method='post']"):
    """The fields a person would send: hidden values kept, the first choice of each group, a
    short text in each text box, and the field people cannot see (the honeypot) left empty."""
    form = lxml.html.fromstring(html).xpath(selector)[0]
    data: dict[str, str] = {}
    for field in form.xpath(".//input|.//textarea|.//select"):
        name, kind = field.get("name"), (field.get("type") or "text").lower()
        if not name or name in data or name == "website":
            continue
        if field.tag == "select" and re.fullmatch(r"q\d+_\d+", name):
            data[name] = ""  # a ranking's places: each may be given once, none is needed
        elif field.tag == "select":
            options = [o.get("value") for o in field.xpath(".//option") if o.get("value")]
            data[name] = options[0] if options else ""
        elif kind in ("radio", "checkbox"):
            data[name] = field.get("value", "on")
        elif kind == "hidden":
            data[name] = field.get("value", "")
        elif kind not in ("submit", "button", "file"):
            data[name] = "Mer lekplatser"
    return form.get("action") or "", data


def login(node: str, username: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{node}/accounts/login/")
    _action, data = form_of(page.text)
    data |= {"username": username, "password": PASSWORD}
    answer = session.post(f"{node}/accounts/login/", data=data, headers={"Referer": node})
    if "sessionid" not in session.cookies:
        raise RuntimeError(f"{username} could not sign in: {answer.status_code}")
    return session


def rate_limit_holds_across_nodes() -> None:
    from participation.models import Consultation, Response

    consultation = Consultation.objects.filter(
        status=Consultation.Status.OPEN, requires_class_code=False
    ).first()
    child = requests.Session()
    child.headers["User-Agent"] = AGENT
    accepted = {NODE_A: 0, NODE_B: 0}
    held_before = Response.objects.filter(consultation=consultation, suspected_flood=True).count()
    for number in range(2 * RATE_LIMIT):
        node = (NODE_A, NODE_B)[number % 2]
        page = child.get(f"{node}/b/{consultation.code}/")
        _action, data = form_of(page.text)
        answer = child.post(f"{node}/b/{consultation.code}/", data=data, allow_redirects=False)
        if answer.status_code == 302:
            accepted[node] += 1
        else:
            (LOGS / "child-answer.html").write_text(answer.text)
            raise RuntimeError(f"the children's page answered {answer.status_code}; see {LOGS}")
    held = (
        Response.objects.filter(consultation=consultation, suspected_flood=True).count()
        - held_before
    )
    check(
        "the children's answer limit holds across both nodes",
        sum(accepted.values()) == 2 * RATE_LIMIT and held == RATE_LIMIT and all(accepted.values()),
        f"{accepted[NODE_A]} answers stored by A and {accepted[NODE_B]} by B, "
        f"{held} held as a suspected flood, limit {RATE_LIMIT} an address",
    )


def template_csv(code: str, bands: range) -> bytes:
    lines = ["indikator;kod;år;kön;åldersgrupp;värde;status"]
    lines += [
        f"{code};1883;{year};{sex};g{band};{band % 97},5;slutlig"
        for band in bands
        for year in range(2000, 2020)
        for sex in "TKM"
    ]
    return ("\n".join(lines) + "\n").encode()


def send_import(session, organisation_pk: int, data: bytes) -> str:
    url = f"{NODE_A}/organisations/{organisation_pk}/indicators/import/"
    _action, fields = form_of(session.get(url).text, "//form[@data-progress-url]")
    fields |= {"format": "template", "skip_unknown_areas": ""}
    fields = {k: v for k, v in fields.items() if k not in ("indicator", "skip_unknown_areas")}
    sent = session.post(url, data=fields, files={"file": ("tal.csv", data, "text/csv")})
    if sent.status_code not in (200, 202):
        raise RuntimeError(f"the import page answered {sent.status_code}: {sent.text[:500]}")
    return fields["progress"]


def follow_on_b(session, organisation_pk: int, token: str, until, seconds: float):
    """Poll node B for the import's progress until `until(state)`; the states seen."""
    url = f"{NODE_B}/organisations/{organisation_pk}/indicators/import/progress/{token}/"
    seen = []

    def poll():
        state = session.get(url).json()
        if not seen or seen[-1] != state:
            seen.append(state)
        return until(state)

    wait_until(poll, seconds, step=0.05)
    return seen


def import_progress_shows_on_the_other_node(coordinator, organisation_pk, code) -> int:
    from indicators.models import IndicatorValue

    bands = range(2000)
    rows = len(bands) * 60
    started = time.monotonic()
    token = send_import(coordinator, organisation_pk, template_csv(code, bands))
    seen = follow_on_b(coordinator, organisation_pk, token, lambda s: s.get("status") == "done", 90)
    seconds = time.monotonic() - started
    middle = [s for s in seen if s["phase"] in ("checking", "saving") and s["done"]]
    stored = IndicatorValue.objects.filter(indicator__code=code, area_code="1883").count()
    check(
        "an import started through node A shows its progress through node B",
        bool(middle) and seen[-1]["phase"] == "done" and stored == rows,
        f"{len(seen)} states read from B ({', '.join(s['phase'] for s in seen)}); "
        f"{rows} rows imported by the worker in {seconds:.1f} s",
    )
    return rows


def moderation_changes_results_on_the_other_node() -> None:
    """A reader on node B sees the masked texts that need no moderation or were approved;
    a dialogue leader approves a flagged one on node A."""
    import uuid

    from participation.models import Answer

    answer = Answer.objects.exclude(text="").select_related("question").first()
    marker = f"Granskad text {uuid.uuid4().hex[:8]}"
    # As the screening leaves a flagged text (set up before any node has cached the results).
    Answer.objects.filter(pk=answer.pk).update(
        moderation=Answer.Moderation.PENDING, masked_text=marker
    )
    consultation_id = answer.question.consultation_id
    leader_a = login(NODE_A, "dialogledare")
    reader_b = login(NODE_B, "lasare")
    results = f"{NODE_B}/consultations/{consultation_id}/results/?texts=all"
    before = reader_b.get(results).text  # now in the shared cache
    again = reader_b.get(results).text
    moderation = f"{NODE_A}/consultations/{consultation_id}/moderation/"
    _action, fields = form_of(
        leader_a.get(moderation).text, f"//form[contains(@action, '/answers/{answer.pk}/')]"
    )
    fields["decision"] = "approve"
    leader_a.post(f"{NODE_A}/answers/{answer.pk}/moderate/", data=fields)
    after = reader_b.get(results).text
    check(
        "a moderation on node A changes the cached results on node B at once",
        marker not in before and marker not in again and marker in after,
        f"answer {answer.pk} approved on A; B's next results page shows its text",
    )


def killed_worker_loses_nothing(coordinator, organisation_pk, code, worker) -> subprocess.Popen:
    from django_tasks_db.models import DBTaskResult

    from core.models import Job
    from indicators.models import ImportRun, IndicatorValue

    before = IndicatorValue.objects.count()
    bands = range(10_000, 13_000)
    rows = len(bands) * 60
    token = send_import(coordinator, organisation_pk, template_csv(code, bands))
    seen = follow_on_b(
        coordinator,
        organisation_pk,
        token,
        lambda s: (s["phase"] in ("checking", "saving") and s["done"]) or s["phase"] == "done",
        60,
    )
    phase = seen[-1]["phase"] if seen else "nothing"
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    job = Job.objects.get(key__endswith=token)
    task = DBTaskResult.objects.get(pk=job.task_id)
    left = (job.status, task.status)
    restarted = start_worker()
    done = wait_until(
        lambda: Job.objects.filter(pk=job.pk, status=Job.Status.DONE).exists(), 90, step=0.2
    )
    job.refresh_from_db()
    stored = IndicatorValue.objects.count() - before
    runs = ImportRun.objects.filter(job=job).count()
    check(
        "a worker killed in the middle of an import loses nothing and doubles nothing",
        phase != "done"
        and left == ("running", "RUNNING")
        and bool(done)
        and stored == rows
        and runs == 1,
        f"killed while {phase}; left {left[0]}/{left[1]}; after the restart the job is "
        f"{job.status} (attempt {job.attempts}), {stored} of {rows} figures stored once, "
        f"{runs} import record",
    )
    return restarted


def measure(seconds: float, threads: int) -> None:
    """A short bounded load on both nodes at once (TWO_NODES_MEASURE=seconds): children answering
    (each from its own device, as a class does) and a reader's cached results page. Prints
    throughput and latency percentiles for docs/operations.md."""
    import statistics
    import threading

    from participation.models import Consultation

    consultation = Consultation.objects.filter(
        status=Consultation.Status.OPEN, requires_class_code=False
    ).first()
    reader = login(NODE_B, "lasare")
    results_path = f"/consultations/{consultation.pk}/results/"
    timings: dict[str, list[float]] = {"answer": [], "results": []}
    errors = []
    stop = time.monotonic() + seconds

    def child(number: int) -> None:
        session, count = requests.Session(), 0
        while time.monotonic() < stop:
            node = (NODE_A, NODE_B)[count % 2]
            session.headers["User-Agent"] = f"{AGENT} {number}-{count}"
            page = session.get(f"{node}/b/{consultation.code}/")
            _action, data = form_of(page.text)
            began = time.monotonic()
            sent = session.post(f"{node}/b/{consultation.code}/", data=data, allow_redirects=False)
            timings["answer"].append(time.monotonic() - began)
            if sent.status_code != 302:
                errors.append(sent.status_code)
            count += 1

    def staff() -> None:
        count = 0
        while time.monotonic() < stop:
            node = (NODE_A, NODE_B)[count % 2]
            began = time.monotonic()
            if reader.get(f"{node}{results_path}").status_code != 200:
                errors.append("results")
            timings["results"].append(time.monotonic() - began)
            count += 1

    workers = [threading.Thread(target=child, args=(n,)) for n in range(threads)]
    workers.append(threading.Thread(target=staff))
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    for name, values in timings.items():
        values.sort()
        p95 = values[int(len(values) * 0.95) - 1] if values else 0
        print(
            f"MEASURED {name}: {len(values)} in {seconds:.0f} s = {len(values) / seconds:.1f}/s "
            f"across both nodes; median {statistics.median(values) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms",
            flush=True,
        )
    print(f"MEASURED errors: {len(errors)}", flush=True)


def main() -> int:
    from organisations.models import Organisation

    if not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        print("REDIS_URL is not set: the nodes would not share a cache", file=sys.stderr)
        return 2
    started = time.monotonic()
    for log in LOGS.glob("*.log"):
        log.unlink()
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo")
    print(f"({time.monotonic() - started:.0f} s: migrated, demo data loaded)", flush=True)
    processes = [start_node(PORT_A), start_node(PORT_B), start_worker()]
    try:
        if not (wait_until(lambda: up(NODE_A), 60) and wait_until(lambda: up(NODE_B), 60)):
            raise RuntimeError(f"the nodes did not start; see {LOGS}")
        karlskoga = Organisation.objects.get(scb_code="1883")
        from indicators.models import Indicator

        codes = list(
            Indicator.objects.filter(organisation=None)
            .order_by("pk")
            .values_list("code", flat=True)
        )[:2]
        coordinator = login(NODE_A, "samordnare")
        rate_limit_holds_across_nodes()
        import_progress_shows_on_the_other_node(coordinator, karlskoga.pk, codes[0])
        moderation_changes_results_on_the_other_node()
        processes[2] = killed_worker_loses_nothing(
            coordinator, karlskoga.pk, codes[1], processes[2]
        )
        if os.environ.get("TWO_NODES_MEASURE", "0") not in ("", "0"):
            measure(float(os.environ["TWO_NODES_MEASURE"]), threads=6)
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
    failed = sum(1 for _name, passed, _detail in RESULTS if not passed)
    print(f"({time.monotonic() - started:.0f} s; logs in {LOGS})")
    print(f"two nodes: {len(RESULTS) - failed} passed, {failed} failed")
    return 1 if failed or len(RESULTS) < 4 else 0


if __name__ == "__main__":
    sys.exit(main())
