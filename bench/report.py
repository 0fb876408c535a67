"""What a run reports: a table per scale, the comparison of the smallest and the largest scale
against the targets, and the JSON results (bench/results-latest.json, with --save also
bench/results-<time>.json for bench.summary)."""

import contextlib
import json
import os
import platform
from pathlib import Path

from bench.common import BENCH_DIR, CPU_TARGET, ROOT, say
from bench.load import MAX_P95_MS, MIN_THROUGHPUT_SHARE
from bench.pages import PAGES

PAGE_SPECS = {page.name: page for page in PAGES}

RESULTS = BENCH_DIR / "results-latest.json"


def table(headers: list, rows: list) -> str:
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(str(h)), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]

    def line(values):
        first, *rest = values
        return "  ".join(
            [first.ljust(widths[0]), *(v.rjust(w) for v, w in zip(rest, widths[1:], strict=True))]
        )

    return "\n".join(
        [line([str(h) for h in headers]), line(["-" * w for w in widths]), *map(line, cells)]
    )


def queries_label(page: dict) -> str:
    if page["queries_min"] == page["queries_max"]:
        return str(page["queries"])
    return f"{page['queries']} ({page['queries_min']}-{page['queries_max']})"


def print_scale(result: dict) -> None:
    counts = result["dataset"]["counts"]
    say(
        f"\nScale {result['scale']:g}: {counts['organisations']} organisations, "
        f"{counts['bodies']} bodies, {counts['users']} users"
    )
    rows = [
        [
            p["name"],
            f"{p['p50_ms']:.1f}",
            f"{p['p95_ms']:.1f}",
            f"{p['cpu_ms']:.2f}",
            f"{p['cpu_ratio']:.1f}x",
            queries_label(p),
        ]
        for p in result["pages"]
    ]
    say(table(["page", "p50 ms", "p95 ms", "CPU ms", "CPU vs bare", "queries"], rows))
    if result.get("exports"):
        say()
        say(exports_table(result["exports"]))


def exports_table(exports: list) -> str:
    return table(
        [
            "export",
            "requests",
            "wall s (median)",
            "wall s (max)",
            "first s",
            "CPU ms",
            "queries",
            "target",
        ],
        [
            [
                e["name"],
                e["requests"],
                f"{e['wall_s']:.3f}",
                f"{e['wall_max_s']:.3f}",
                f"{e['first_s']:.3f}",
                f"{e['cpu_ms']:.0f}",
                queries_label(e),
                f"{'ok' if e['within_target'] else 'MISSED'} (< {e['target_s']:g} s)",
            ]
            for e in exports
        ],
    )


def exports_missed(results: list) -> list:
    """Exports over their wall-time target at the largest scale."""
    return [
        f"{e['name']}: {e['wall_s']:.2f} s per request (median of {e['requests']}) at scale "
        f"{results[-1]['scale']:g}; target under {e['target_s']:g} s"
        for e in results[-1].get("exports", [])
        if not e["within_target"]
    ]


def compare(results: list) -> tuple[list, list]:
    """Rows comparing the smallest and the largest scale, and the targets missed."""
    small, large = results[0], results[-1]
    small_pages = {p["name"]: p for p in small["pages"]}
    rows, missed = [], []
    for page in large["pages"]:
        row = comparison_row(small_pages[page["name"]], page)
        rows.append(row)
        missed.extend(targets_missed(row, small["scale"], large["scale"], len(results) > 1))
    return rows, missed


def comparison_row(before: dict, page: dict) -> dict:
    spec = PAGE_SPECS.get(page["name"])
    target = spec.cpu_target if spec else CPU_TARGET
    ratio = page["cpu_ratio"]
    row = {
        "name": page["name"],
        "queries_small": before["queries"],
        "queries_large": page["queries"],
        "queries_equal": before["queries"] == page["queries"],
        "cpu_ms_small": before["cpu_ms"],
        "cpu_ms_large": page["cpu_ms"],
        "cpu_ratio_large": ratio,
        "cpu_ratio_anonymous": page.get("cpu_ratio_anonymous"),
        "cpu_target": target,
        "cpu_within_target": bool(spec and spec.reference)
        or (ratio is not None and ratio <= target),
    }
    if spec and spec.max_queries is not None:
        row["max_queries"] = spec.max_queries
        row["queries_within"] = max(before["queries"], page["queries"]) <= spec.max_queries
    if spec and spec.max_kb is not None and "weight" in page:
        row["weight"] = page["weight"]
        row["max_kb"] = spec.max_kb
        row["kb_within"] = page["weight"]["total_kb"] <= spec.max_kb
    return row


def targets_missed(row: dict, small: float, large: float, several_scales: bool) -> list:
    missed = []
    if several_scales and not row["queries_equal"]:
        missed.append(
            f"{row['name']}: {row['queries_small']} queries at scale {small:g} "
            f"but {row['queries_large']} at scale {large:g}"
        )
    if not row["cpu_within_target"]:
        missed.append(
            f"{row['name']}: CPU {row['cpu_ms_large']:.2f} ms per request at scale "
            f"{large:g} is {row['cpu_ratio_large']:.1f}x the bare view "
            f"(target at most {row['cpu_target']:g}x)"
        )
    if not row.get("queries_within", True):
        missed.append(
            f"{row['name']}: {max(row['queries_small'], row['queries_large'])} queries "
            f"(target at most {row['max_queries']})"
        )
    if not row.get("kb_within", True):
        weight = row["weight"]
        missed.append(
            f"{row['name']}: {weight['total_kb']:.1f} kB of HTML, CSS and JavaScript "
            f"({weight['html_bytes'] / 1000:.1f} kB HTML) at scale {large:g} "
            f"(target at most {row['max_kb']:g} kB)"
        )
    return missed


def print_comparison(results: list, rows: list, missed: list) -> None:
    small, large = results[0]["scale"], results[-1]["scale"]
    say(
        f"\nComparison: scale {small:g} against {large:g} (targets: same queries; CPU at most "
        f"{CPU_TARGET:g}x the bare view)"
    )
    say(comparison_table(small, large, rows))
    targeted = [row for row in rows if "max_queries" in row or "max_kb" in row]
    if targeted:
        say("\nPages with their own targets (queries at every scale; CPU against the bare view;")
        say("HTML with the CSS and JavaScript it links, uncompressed, 1 kB = 1000 bytes)")
        say(own_targets_table(small, large, targeted))
    say()
    for line in missed:
        say(f"TARGET MISSED: {line}")
    if not missed:
        say("All targets met.")


def comparison_table(small: float, large: float, rows: list) -> str:
    return table(
        [
            "page",
            f"queries {small:g}",
            f"queries {large:g}",
            "same",
            f"CPU ms {small:g}",
            f"CPU ms {large:g}",
            f"CPU vs bare {large:g}",
            "CPU target",
        ],
        [
            [
                r["name"],
                r["queries_small"],
                r["queries_large"],
                "yes" if r["queries_equal"] else "NO",
                f"{r['cpu_ms_small']:.2f}",
                f"{r['cpu_ms_large']:.2f}",
                f"{r['cpu_ratio_large']:.1f}x",
                "ok" if r["cpu_within_target"] else "MISSED",
            ]
            for r in rows
        ],
    )


def own_targets_table(small: float, large: float, rows: list) -> str:
    def verdict(ok):
        return "ok" if ok else "MISSED"

    lines = []
    for r in rows:
        weight = r.get("weight")
        lines.append(
            [
                r["name"],
                f"{r['queries_small']}/{r['queries_large']} (<= {r.get('max_queries', '-')})",
                f"{r['cpu_ratio_large']:.1f}x (<= {r['cpu_target']:g}x)",
                f"{r['cpu_ratio_anonymous']:.1f}x" if r.get("cpu_ratio_anonymous") else "-",
                f"{weight['html_bytes'] / 1000:.1f}" if weight else "-",
                f"{weight['asset_bytes'] / 1000:.1f}" if weight else "-",
                f"{weight['total_kb']:.1f} (<= {r['max_kb']:g})" if weight else "-",
                verdict(
                    r["cpu_within_target"]
                    and r.get("queries_within", True)
                    and r.get("kb_within", True)
                    and r["queries_equal"]
                ),
            ]
        )
    return table(
        [
            "page",
            f"queries {small:g}/{large:g}",
            f"CPU vs bare {large:g}",
            "vs anonymous bare",
            "HTML kB",
            "CSS+JS kB",
            "total kB",
            "targets",
        ],
        lines,
    )


def print_load(load: dict) -> None:
    a = load["accounting"]

    def verdict(name):
        return "ok" if load["targets"][name] else "MISSED"

    say(
        f"\nLoad test: {load['clients']} clients, {load['server']}, "
        f"{load['load_seconds']:g} s answering"
    )
    say(
        table(
            ["figure", "value", "target"],
            [
                ["submissions answered 302", a["submissions"], ""],
                ["responses stored", a["stored"], ""],
                [
                    "lost / duplicated / unexpected",
                    f"{a['lost']}/{a['duplicated']}/{a['unexpected']}",
                    f"none: {verdict('no_lost_or_duplicated')}",
                ],
                [
                    "double posts stored once",
                    f"{a['double_posted_stored_once']} of {a['double_posted']}",
                    "",
                ],
                ["submissions/s", f"{load['submissions_per_second']:.1f}", ""],
                ["bare view requests/s", f"{load['bare_rps']:.1f}", ""],
                [
                    "submissions/s vs bare",
                    f"{load['throughput_share']:.0%}",
                    f">= {MIN_THROUGHPUT_SHARE:.0%}: {verdict('throughput')}",
                ],
                [
                    "POST p50 / p95 / p99 ms",
                    f"{load['p50_ms']:.0f} / {load['p95_ms']:.0f} / {load['p99_ms']:.0f}",
                    f"p95 < {MAX_P95_MS:g} ms: {verdict('p95')}",
                ],
                [
                    "client CPU, cores (bare / answering)",
                    f"{load['client_cpu_cores']['bare']:.2f} / "
                    f"{load['client_cpu_cores']['load']:.2f}",
                    "",
                ],
                ["errors", ", ".join(f"{k}: {v}" for k, v in load["errors"].items()) or "none", ""],
            ],
        )
    )


def machine() -> dict:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average": os.getloadavg(),
    }


def write_results(report: dict, started_at, save: bool) -> None:
    text = json.dumps(report, indent=2, ensure_ascii=False)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    saved = [RESULTS]
    if save:
        stamped = BENCH_DIR / f"results-{started_at:%Y%m%dT%H%M%SZ}.json"
        stamped.write_text(text + "\n", encoding="utf-8")
        saved.append(stamped)
    say(
        f"\nRun took {report['duration_seconds']:.0f} s. Results: "
        + ", ".join(str(path.relative_to(ROOT)) for path in saved)
    )
