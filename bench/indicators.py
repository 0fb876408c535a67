"""Indicator values for the national dataset, and the import benchmark.

`indicator_values` (a `bench.dataset` generator) gives one catalogue indicator
(`BENCH_INDICATOR`) 20 years of figures, total, girls and boys, for every organisation and
Sweden: 311 × 20 × 3 values at scale 1.0. The page "indicator comparison" reads them.

The import benchmark writes a CSV in Barnrätt's template with about a million values, imports
it into a fresh database and imports it again (which must change nothing), and prints values per
second for each:

    DATABASE_URL=postgres://…/barnratt_indicators_bench python -m bench.indicators
    python -m bench.indicators --values 100000       # SQLite (bench/indicators.sqlite3)

The database named by DATABASE_URL is created if missing and dropped at the end (`--keep`
leaves it); on SQLite the file bench/indicators.sqlite3 is used.
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.common import BENCH_DIR

BENCH_INDICATOR = "barn-ekonomiskt-utsatta"
YEARS = range(2005, 2025)
GENDERS = ("T", "K", "M")


def _figure(rng, base, year, sex):
    value = base - 0.2 * (year - YEARS[0]) + rng.uniform(-0.5, 0.5)
    return round(value + {"T": 0, "K": 0.3, "M": -0.3}[sex], 1)


def indicator_values(data) -> None:
    """The bench indicator's figures for every organisation and Sweden (no audit, bulk data)."""
    from bench.plan import insert
    from indicators.models import NATIONAL_CODE, Indicator, IndicatorValue

    indicator = Indicator.objects.get(code=BENCH_INDICATOR)
    rows = []
    for code in [o.scb_code for o in data.organisations] + [NATIONAL_CODE]:
        rng = random.Random(code)
        base = rng.uniform(8, 22)
        for year in YEARS:
            for sex in GENDERS:
                value = _figure(rng, base, year, sex)
                rows.append((indicator.pk, code, year, sex, "", value, "final", "Bench"))
    fields = ["indicator", "area_code", "year", "gender", "age_band", "value", "status", "source"]
    insert(IndicatorValue, fields, rows)


def write_csv(path: Path, codes: list[str], indicators: list[str], values: int) -> int:
    """The template CSV with `values` rows (at most len(codes) × years × 3 per indicator)."""
    written = 0
    rng = random.Random(1883)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("indikator;kod;år;kön;åldersgrupp;värde;status\n")
        for indicator in indicators:
            for code in codes:
                for year in YEARS:
                    for sex in GENDERS:
                        if written == values:
                            return written
                        figure = f"{rng.uniform(0, 100):.1f}".replace(".", ",")
                        handle.write(f"{indicator};{code};{year};{sex};;{figure};\n")
                        written += 1
    return written


def _postgres_database(url: str, *, create: bool, drop: bool) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True, connect_timeout=10) as connection:
        if drop:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if create:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _backend_cpu() -> float | None:
    """CPU seconds of this connection's PostgreSQL backend, read from /proc when the server
    runs on this machine (None otherwise): with the app's own CPU, what an import costs."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(values: int) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from indicators.imports.core import read_path, run_import
    from indicators.models import Indicator, IndicatorValue
    from organisations.models import Organisation

    call_command("migrate", verbosity=0)
    from bench.plan import municipality_codes

    codes = municipality_codes(290, 21)
    counties = [f"{number:02d}" for number in range(1, 22)]
    organisations = [
        Organisation(name=f"Benchkommun {code}", kind="municipality", scb_code=code)
        for code in codes
    ] + [
        Organisation(name=f"Benchregion {code}", kind="region", scb_code=code) for code in counties
    ]
    Organisation.objects.bulk_create(organisations, ignore_conflicts=True)
    per_indicator = (len(codes) + len(counties)) * len(YEARS) * len(GENDERS)
    needed = -(-values // per_indicator)
    indicators = [f"bench-import-{n:03d}" for n in range(needed)]
    Indicator.objects.bulk_create(
        [Indicator(code=code, name_sv=code, source="own") for code in indicators],
        ignore_conflicts=True,
    )
    home = Organisation.objects.get(scb_code=codes[0])
    result = {"database": connection.vendor, "values": values}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench-indicators.csv"
        written = write_csv(path, codes + counties, indicators, values)
        result["values"] = written
        result["file_mb"] = round(path.stat().st_size / 1e6, 1)
        for label in ("first import", "re-import"):
            started, cpu, db_cpu = time.perf_counter(), time.process_time(), _backend_cpu()
            summary, _run = run_import(
                read_path(path), fmt="template", organisation=home, by=None, file_name=path.name
            )
            seconds = time.perf_counter() - started
            result[label] = {
                "seconds": round(seconds, 2),
                # The app's own CPU (parsing, checking, sending); the rest is the database.
                "app_cpu_seconds": round(time.process_time() - cpu, 2),
                "db_cpu_seconds": None if db_cpu is None else round(_backend_cpu() - db_cpu, 2),
                "values_per_second": round(written / seconds),
                "added": summary.added,
                "changed": summary.changed,
                "unchanged": summary.unchanged,
            }
    result["stored"] = IndicatorValue.objects.count()
    result["load_average"] = [round(load, 1) for load in os.getloadavg()]
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Indicator import benchmark")
    parser.add_argument("--values", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL", "")
    if url:
        _postgres_database(url, create=True, drop=True)
    else:
        os.environ["BARNRATT_SQLITE_PATH"] = str(BENCH_DIR / "indicators.sqlite3")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{os.environ['BARNRATT_SQLITE_PATH']}{suffix}").unlink(missing_ok=True)
    os.environ["BARNRATT_INDICATOR_IMPORT_MB"] = "2000"
    from bench.common import setup_django

    setup_django()
    try:
        print(json.dumps(run(args.values), indent=2))
    finally:
        if url and not args.keep:
            from django.db import connections

            connections.close_all()
            _postgres_database(url, create=False, drop=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
