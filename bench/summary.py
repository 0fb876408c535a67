"""Medians over several bench runs, as Markdown tables for docs/performance.md.

python -m bench.run --save            # a few times: bench/results-<time>.json
python -m bench.summary               # every bench/results-2*.json, or name files
"""

import json
import statistics
import sys
from pathlib import Path

from bench.common import BENCH_DIR, CPU_TARGET
from bench.pages import PAGES, REFERENCE

SPECS = {page.name: page for page in PAGES}


def load(paths: list[Path]) -> list[dict]:
    runs = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    if not runs:
        raise SystemExit("bench.summary: no result files (run `python -m bench.run --save` first)")
    return runs


def pages_at(run: dict, scale: float) -> dict:
    for result in run["scales"]:
        if result["scale"] == scale:
            return {page["name"]: page for page in result["pages"]}
    raise SystemExit(f"bench.summary: a run has no results at scale {scale:g}")


def values_label(values: list[int]) -> str:
    distinct = sorted(set(values))
    return str(distinct[0]) if len(distinct) == 1 else "/".join(map(str, distinct))


def summarise(runs: list[dict]) -> str:
    scales = sorted({result["scale"] for run in runs for result in run["scales"]})
    small, large = scales[0], scales[-1]
    per_run_large = [pages_at(run, large) for run in runs]
    per_run_small = [pages_at(run, small) for run in runs]
    names = list(per_run_large[0])

    def median(pages, name, key):
        return statistics.median(run[name][key] for run in pages)

    lines = [
        f"Medians of {len(runs)} runs at scale {large:g} (queries at {small:g} and {large:g}).",
        "",
        f"| Page | p50 ms | p95 ms | p50 ms at {small:g} | CPU ms | CPU vs bare "
        f"| CPU ms at {small:g} | Queries {small:g} | Queries {large:g} | Same queries "
        "| CPU target |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|:-:|",
    ]
    for name in names:
        ratio = median(per_run_large, name, "cpu_ratio")
        queries_small = [run[name]["queries"] for run in per_run_small]
        queries_large = [run[name]["queries"] for run in per_run_large]
        same = queries_small == queries_large
        spec = SPECS.get(name)
        within = name == REFERENCE or (spec is not None and spec.reference)
        within = within or ratio <= (spec.cpu_target if spec else CPU_TARGET)
        lines.append(
            f"| {name} | {median(per_run_large, name, 'p50_ms'):.1f} "
            f"| {median(per_run_large, name, 'p95_ms'):.1f} "
            f"| {median(per_run_small, name, 'p50_ms'):.1f} "
            f"| {median(per_run_large, name, 'cpu_ms'):.2f} | {ratio:.1f}× "
            f"| {median(per_run_small, name, 'cpu_ms'):.2f} "
            f"| {values_label(queries_small)} | {values_label(queries_large)} "
            f"| {'yes' if same else '**no**'} | {'ok' if within else '**missed**'} |"
        )
    lines += exports_summary(runs, large)
    lines += own_targets_summary(per_run_small, per_run_large, small, large)
    lines += load_summary(runs)
    durations = [run.get("duration_seconds") for run in runs if run.get("duration_seconds")]
    if durations:
        lines += ["", f"One run took {min(durations):.0f}–{max(durations):.0f} s."]
    return "\n".join(lines)


def exports_summary(runs: list[dict], scale: float) -> list[str]:
    """Medians of the export timings at `scale` (runs without exports are left out)."""
    per_run = []
    for run in runs:
        for result in run["scales"]:
            if result["scale"] == scale and result.get("exports"):
                per_run.append({e["name"]: e for e in result["exports"]})
    if not per_run:
        return []
    lines = [
        "",
        "| Export | Wall s (median) | Wall s (max) | First request s | CPU ms | Queries "
        "| Target | Within |",
        "|---|--:|--:|--:|--:|--:|--:|:-:|",
    ]
    for name, first in per_run[0].items():
        rows = [run[name] for run in per_run if name in run]
        wall = statistics.median(row["wall_s"] for row in rows)
        lines.append(
            f"| {name} | {wall:.3f} | {max(row['wall_max_s'] for row in rows):.3f} "
            f"| {statistics.median(row.get('first_s', 0) for row in rows):.3f} "
            f"| {statistics.median(row['cpu_ms'] for row in rows):.0f} "
            f"| {values_label([row['queries'] for row in rows])} | < {first['target_s']:g} s "
            f"| {'yes' if wall <= first['target_s'] else '**no**'} |"
        )
    return lines


def own_targets_summary(small_runs: list, large_runs: list, small: float, large: float) -> list:
    """The pages with their own targets (bench.pages.PARTICIPATION_TARGETS): queries, CPU and
    the weight of HTML, CSS and JavaScript."""
    names = [name for name in large_runs[0] if name in SPECS and SPECS[name].max_kb is not None]
    if not names:
        return []
    lines = [
        "",
        f"| Page | Queries {small:g} | Queries {large:g} | CPU ms | CPU vs bare "
        "| CPU vs anonymous bare | HTML kB | CSS+JS kB | Total kB | Targets |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|",
    ]
    for name in names:
        spec = SPECS[name]
        rows = [run[name] for run in large_runs if name in run]
        queries_small = [run[name]["queries"] for run in small_runs if name in run]
        queries_large = [row["queries"] for row in rows]
        ratio = statistics.median(row["cpu_ratio"] for row in rows)
        anonymous = [row["cpu_ratio_anonymous"] for row in rows if "cpu_ratio_anonymous" in row]
        anonymous_label = f"{statistics.median(anonymous):.1f}×" if anonymous else "–"
        weight = rows[-1].get("weight", {"html_bytes": 0, "asset_bytes": 0, "total_kb": 0})
        ok = (
            ratio <= spec.cpu_target
            and queries_small == queries_large
            and max(queries_small + queries_large) <= (spec.max_queries or 10**9)
            and weight["total_kb"] <= spec.max_kb
        )
        lines.append(
            f"| {name} | {values_label(queries_small)} | {values_label(queries_large)} "
            f"| {statistics.median(row['cpu_ms'] for row in rows):.2f} | {ratio:.1f}× "
            f"| {anonymous_label} | {weight['html_bytes'] / 1000:.1f} "
            f"| {weight['asset_bytes'] / 1000:.1f} | {weight['total_kb']:.1f} "
            f"| {'ok' if ok else '**missed**'} |"
        )
    return lines


def load_summary(runs: list) -> list:
    """Medians of the load tests (bench.load), for the runs that have one."""
    loads = [result["load"] for run in runs for result in run["scales"] if "load" in result]
    if not loads:
        return []

    def row(label, values, fmt):
        each = ", ".join(format(value, fmt) for value in values)
        return f"| {label} | {format(statistics.median(values), fmt)} | {each} |"

    def total(key):
        return sum(load["accounting"][key] for load in loads)

    def values(key):
        return [load[key] for load in loads]

    errors = sum(sum(load["errors"].values()) for load in loads)
    first = loads[0]
    return [
        "",
        f"Load test, {len(loads)} runs: {first['clients']} clients, {first['server']}, "
        f"{first['load_seconds']:.0f} s answering after {first['bare_seconds']:.0f} s of the "
        "bare view.",
        "",
        "| Figure | Median | Runs |",
        "|---|--:|---|",
        row("Submissions answered 302", [lo["accounting"]["submissions"] for lo in loads], "d"),
        row("Responses stored", [lo["accounting"]["stored"] for lo in loads], "d"),
        f"| Lost / duplicated / unexpected (all runs) | {total('lost')} / "
        f"{total('duplicated')} / {total('unexpected')} | |",
        f"| Double posts stored once (all runs) | {total('double_posted_stored_once')} of "
        f"{total('double_posted')} | |",
        row("Submissions per second", values("submissions_per_second"), ".1f"),
        row("Bare view requests per second", values("bare_rps"), ".0f"),
        row("Submissions vs bare", values("throughput_share"), ".1%"),
        row("POST p50 ms", values("p50_ms"), ".0f"),
        row("POST p95 ms", values("p95_ms"), ".0f"),
        row("POST p99 ms", values("p99_ms"), ".0f"),
        row(
            "Client CPU (cores) answering", [lo["client_cpu_cores"]["load"] for lo in loads], ".2f"
        ),
        f"| Errors (all runs) | {errors} | |",
    ]


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    paths = [Path(arg) for arg in argv] or sorted(BENCH_DIR.glob("results-2*.json"))
    print(summarise(load(paths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
