"""Medians over several bench runs, as Markdown tables for docs/performance.md.

python -m bench.run --save            # a few times: bench/results-<time>.json
python -m bench.summary               # every bench/results-2*.json, or name files
"""

import json
import statistics
import sys
from pathlib import Path

from bench.common import BENCH_DIR, CPU_TARGET
from bench.pages import REFERENCE


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
        within = name == REFERENCE or ratio <= CPU_TARGET
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


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    paths = [Path(arg) for arg in argv] or sorted(BENCH_DIR.glob("results-2*.json"))
    print(summarise(load(paths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
