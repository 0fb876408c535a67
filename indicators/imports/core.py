"""The shared import core: validate every row, then upsert all of them in one transaction.

A parser yields `RawRow`s. `validate` resolves indicators and areas, parses figures and finds
duplicates, collecting errors with line numbers in the active language (Swedish by default);
when there is any error nothing is written. `write_values` upserts with bulk operations
(PostgreSQL: COPY into a temporary table and one INSERT … ON CONFLICT; other databases:
executemany) and counts what was added, changed and left unchanged, so importing the same file
twice changes nothing.
"""

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _

from core.audit import create_object
from organisations.models import Organisation

from ..models import NATIONAL_CODE, ImportRun, Indicator, IndicatorValue, ValueStatus

MAX_ERRORS = 200
GENDERS = {"T": "T", "K": "K", "M": "M", "": "T", "totalt": "T", "flickor": "K", "pojkar": "M"}
GENDERS |= {"kvinnor": "K", "män": "M", "girls": "K", "boys": "M", "total": "T"}
GENDERS |= {"1+2": "T", "2": "K", "1": "M"}  # SCB's codes for kön
MISSING_MARKS = {"", "..", ".", "-", "–", "null", "None"}
STATUSES = {
    "": ValueStatus.FINAL,
    "final": ValueStatus.FINAL,
    "slutlig": ValueStatus.FINAL,
    "preliminary": ValueStatus.PRELIMINARY,
    "preliminär": ValueStatus.PRELIMINARY,
    "preliminar": ValueStatus.PRELIMINARY,
    "missing": ValueStatus.MISSING,
    "saknas": ValueStatus.MISSING,
}


class ImportFailed(Exception):
    """The file cannot be imported; `errors` lists (line, message), line 0 for the whole file."""

    def __init__(self, errors):
        super().__init__("; ".join(message for _line, message in errors[:3]))
        self.errors = errors


class RawRow(NamedTuple):
    """One figure as a parser read it; `indicator` is matched according to `match`."""

    line: int
    indicator: str
    area: str
    year: object
    gender: str = "T"
    age_band: str = ""
    value: object = None
    status: str = ""


@dataclass
class Summary:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.added + self.changed + self.unchanged


@dataclass
class Options:
    """How rows are matched. `match` is "source_id" (Kolada KPI id or SCB contents code, with
    `source` the indicator's source) or "code" (the catalogue code, for our own template)."""

    match: str = "code"
    source: str = ""
    indicator: Indicator | None = None  # every row belongs to this one (SCB CSV)
    skip_unknown_areas: bool = False
    source_label: str = ""
    errors: list = field(default_factory=list)


def check_size(size: int) -> None:
    """Refuse a file before reading it: empty, or larger than the configured limit."""
    limit = settings.INDICATOR_IMPORT_MAX_BYTES
    if size == 0:
        raise ImportFailed([(0, _("The file is empty."))])
    if size > limit:
        raise ImportFailed(
            [
                (
                    0,
                    _("The file is too large: %(size)s bytes, at most %(limit)s bytes.")
                    % {"size": size, "limit": limit},
                )
            ]
        )


def read_upload(uploaded) -> bytes:
    """The bytes of an uploaded file, after the size check (which reads nothing)."""
    check_size(uploaded.size)
    uploaded.seek(0)
    return uploaded.read()


def read_path(path) -> bytes:
    import os

    check_size(os.path.getsize(path))
    with open(path, "rb") as handle:
        return handle.read()


def decode(data: bytes) -> str:
    """UTF-8 (with or without byte-order mark), else Windows-1252 as older exports use."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _year(raw) -> int | bool:
    try:
        year = int(str(raw).strip()[:4])
    except ValueError:
        return False
    return year if 1900 <= year <= 2100 else False


def _status(raw) -> str:
    status = STATUSES.get(str(raw or "").strip().lower())
    if status is None:  # a source's own marks (such as Kolada's) mean the figure is missing
        return ValueStatus.MISSING
    return status


def parse_figure(text) -> float | None:
    """A figure written either way ("12,5", "12.5", "1 234"); None for a missing mark."""
    if text is None:
        return None
    if text.__class__ is str and text and "," not in text and "_" not in text:
        try:  # the common case, without the clean-up below
            number = float(text)
        except ValueError:
            pass
        else:
            if math.isfinite(number):
                return number
            raise ValueError(text)
    elif text.__class__ is str and text.count(",") == 1 and not ("." in text or "_" in text):
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            pass
        else:
            if math.isfinite(number):
                return number
            raise ValueError(text)
    if isinstance(text, int | float) and not isinstance(text, bool):
        if isinstance(text, float) and not math.isfinite(text):
            raise ValueError(text)
        return float(text)
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if cleaned in MISSING_MARKS:
        return None
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".") if "." in cleaned else cleaned
        cleaned = cleaned.replace(",", ".")
    number = float(cleaned)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


class Validator:
    """Resolves and checks rows; keeps them keyed for the duplicate check and the write."""

    def __init__(self, options: Options, by=None):
        self.options = options
        self.errors: list[tuple[int, str]] = []
        self.error_count = 0
        self.skipped = 0
        self.rows: dict[tuple, tuple] = {}
        self.areas = set(
            Organisation.objects.exclude(scb_code="").values_list("scb_code", flat=True)
        )
        self.areas.add(NATIONAL_CODE)
        indicators = Indicator.objects.visible_to(by) if by is not None else Indicator.objects
        if options.indicator is not None:
            self.indicators = {}
        elif options.match == "source_id":
            rows = indicators.filter(source=options.source).exclude(source_id="")
            self.indicators = {
                source_id: pk for pk, source_id in rows.values_list("pk", "source_id")
            }
        else:
            self.indicators = dict(indicators.values_list("code", "pk"))
        self.own = dict(
            Indicator.objects.exclude(organisation=None).values_list("pk", "organisation__scb_code")
        )

    def error(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append((line, message))

    def add_all(self, rows: Iterable[RawRow]) -> None:
        """Check every row; one rule after the other, in reading order. Values seen before are
        memoised (areas, years, genders, statuses repeat on every line of a large file)."""
        fixed = self.options.indicator.pk if self.options.indicator is not None else None
        indicators, own, kept, error = self.indicators, self.own, self.rows, self.error
        areas: dict = {}
        years: dict = {}
        statuses: dict = {}
        for (
            line,
            raw_indicator,
            raw_area,
            raw_year,
            raw_gender,
            raw_age,
            raw_value,
            raw_status,
        ) in rows:
            indicator_id = fixed
            if indicator_id is None:
                indicator_id = indicators.get(raw_indicator)
                if indicator_id is None:
                    indicator_id = indicators.get(str(raw_indicator).strip())
                    if indicator_id is None:
                        error(line, _("Unknown indicator “%(id)s”.") % {"id": raw_indicator})
                        continue
            area = areas.get(raw_area)
            if area is None:
                area = areas[raw_area] = self._area(raw_area)
            if area is False:
                if self._skippable(raw_area):
                    self.skipped += 1
                    continue
                error(
                    line, _("Unknown municipality or county code “%(code)s”.") % {"code": raw_area}
                )
                continue
            if own and own.get(indicator_id, area) != area:
                error(line, _("This indicator is the figures of one organisation only."))
                continue
            year = years.get(raw_year)
            if year is None:
                year = years[raw_year] = _year(raw_year)
            if year is False:
                error(line, _("Not a year: “%(year)s”.") % {"year": raw_year})
                continue
            gender = GENDERS.get(raw_gender) or GENDERS.get(str(raw_gender).strip().lower())
            if gender is None:
                error(
                    line,
                    _("Unknown gender “%(gender)s” (use T, K or M).") % {"gender": raw_gender},
                )
                continue
            age_band = str(raw_age).strip()[:20] if raw_age else ""
            if not age_band.isprintable():
                # A NUL or control character cannot be stored (PostgreSQL refuses a NUL).
                shown = age_band.encode("unicode_escape").decode("ascii")
                error(line, _("Not an age band: “%(age)s”.") % {"age": shown})
                continue
            try:
                value = parse_figure(raw_value)
            except ValueError:
                error(line, _("Not a number: “%(value)s”.") % {"value": raw_value})
                continue
            status = statuses.get(raw_status)
            if status is None:
                status = statuses[raw_status] = _status(raw_status)
            if value is None:
                status = ValueStatus.MISSING
            key = (indicator_id, area, year, gender, age_band)
            earlier = kept.get(key)
            if earlier is not None:
                if (earlier[0], earlier[1]) != (value, status):
                    error(
                        line,
                        _("The same figure is also on line %(line)s, with another value.")
                        % {"line": earlier[2]},
                    )
                continue
            kept[key] = (value, status, line)

    def _area(self, raw) -> str | bool:
        """The SCB code as stored, or False when no organisation (nor Sweden) has it."""
        area = str(raw).strip()
        if len(area) == 4 and area.startswith("00") and area != NATIONAL_CODE and area.isdigit():
            area = area[2:]  # Kolada writes counties as 00 + the county code
        return area if area in self.areas else False

    def _skippable(self, raw) -> bool:
        area = str(raw).strip()
        return self.options.skip_unknown_areas and area.isdigit() and len(area) in (2, 4)

    def check(self) -> None:
        if self.error_count:
            errors = list(self.errors)
            if self.error_count > len(errors):
                errors.append(
                    (
                        0,
                        _("… and %(count)s more errors.")
                        % {"count": self.error_count - len(errors)},
                    )
                )
            raise ImportFailed(errors)
        if not self.rows and not self.skipped:
            raise ImportFailed([(0, _("The file holds no figures."))])


def validate(raw_rows: Iterable[RawRow], options: Options, by=None) -> Validator:
    validator = Validator(options, by=by)
    validator.add_all(raw_rows)
    validator.check()
    return validator


def write_values(rows: dict, source_label: str) -> Summary:
    """Upsert the validated rows; the caller holds the transaction."""
    if connection.vendor == "postgresql":
        return _write_postgresql(rows, source_label)
    return _write_generic(rows, source_label)


TABLE = IndicatorValue._meta.db_table
COLUMNS = "indicator_id, area_code, year, gender, age_band, value, status, source"
KEY = "indicator_id, area_code, year, gender, age_band"
KEY_JOIN = (
    "indicator_id = i.indicator_id AND v.area_code = i.area_code AND v.year = i.year"
    " AND v.gender = i.gender AND v.age_band = i.age_band"
)


def _copy_text(value) -> str:
    """A text cell for COPY's text format (tab, newline and backslash escaped)."""
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _write_postgresql(rows: dict, source_label: str) -> Summary:
    """COPY the rows into a temporary table, drop those already stored as they are (a hash
    join, so re-importing a file costs one read), then upsert the rest with one statement."""
    source = _copy_text(source_label)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE indicator_import (indicator_id integer, area_code varchar(4),"
            " year smallint, gender varchar(1), age_band varchar(20), value double precision,"
            " status varchar(12), source varchar(60)) ON COMMIT DROP"
        )
        with cursor.cursor.copy(f"COPY indicator_import ({COLUMNS}) FROM STDIN") as copy:
            lines = []
            for (indicator_id, area, year, gender, age), (value, status, _l) in rows.items():
                shown = "\\N" if value is None else repr(value)
                age = _copy_text(age) if age else ""
                lines.append(
                    f"{indicator_id}\t{area}\t{year}\t{gender}\t{age}\t{shown}\t{status}\t{source}\n"
                )
                if len(lines) == 10_000:
                    copy.write("".join(lines))
                    lines = []
            copy.write("".join(lines))
        cursor.execute("ANALYZE indicator_import")
        cursor.execute(
            f"DELETE FROM indicator_import i USING {TABLE} v WHERE (v.{KEY_JOIN})"
            " AND (v.value, v.status, v.source) IS NOT DISTINCT FROM (i.value, i.status, i.source)"
        )
        unchanged = cursor.rowcount
        cursor.execute(
            f"WITH up AS (INSERT INTO {TABLE} AS v ({COLUMNS}) SELECT {COLUMNS} FROM"
            f" indicator_import ON CONFLICT ({KEY}) DO UPDATE SET value = EXCLUDED.value,"
            " status = EXCLUDED.status, source = EXCLUDED.source"
            " RETURNING (xmax = 0) AS inserted)"
            " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted)"
            " FROM up"
        )
        added, changed = cursor.fetchone()
        cursor.execute("DROP TABLE indicator_import")
    return Summary(added=added, changed=changed, unchanged=unchanged)


def _write_generic(rows: dict, source_label: str) -> Summary:
    indicator_ids = sorted({key[0] for key in rows})
    existing = {}
    stored = IndicatorValue.objects.filter(indicator_id__in=indicator_ids).values_list(
        "indicator_id", "area_code", "year", "gender", "age_band", "value", "status", "source"
    )
    for row in stored.iterator(chunk_size=10_000):
        existing[row[:5]] = row[5:]
    inserts, updates = [], []
    for key, (value, status, _line) in rows.items():
        before = existing.get(key)
        if before is None:
            inserts.append((*key, value, status, source_label))
        elif before != (value, status, source_label):
            updates.append((value, status, source_label, *key))
    with connection.cursor() as cursor:
        if inserts:
            cursor.executemany(
                f"INSERT INTO {TABLE} ({COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", inserts
            )
        if updates:
            cursor.executemany(
                f"UPDATE {TABLE} SET value = %s, status = %s, source = %s WHERE indicator_id = %s"
                " AND area_code = %s AND year = %s AND gender = %s AND age_band = %s",
                updates,
            )
    return Summary(
        added=len(inserts), changed=len(updates), unchanged=len(rows) - len(inserts) - len(updates)
    )


def run_import(
    data: bytes,
    *,
    fmt: str,
    organisation,
    by,
    file_name: str = "",
    indicator: Indicator | None = None,
    skip_unknown_areas: bool = False,
    progress=None,
    job=None,
) -> tuple[Summary, ImportRun]:
    """Parse, validate and write one file; raises ImportFailed (nothing written) on any error.
    `progress` (an `indicators.progress.Progress`) hears how far it has come; `job` is the job
    that runs it, recorded on the import (indicators/jobs.py)."""

    from . import parse

    if not data.strip():
        raise ImportFailed([(0, _("The file is empty."))])
    options = parse.options_for(fmt, indicator=indicator)
    options.skip_unknown_areas = skip_unknown_areas
    rows = parse.rows_for(fmt, data, indicator=indicator)
    if progress is not None:
        from ..progress import counting

        progress("checking", 0)
        rows = counting(rows, progress)
    validator = validate(rows, options, by=by)
    if progress is not None:
        progress("saving", len(validator.rows))
    with transaction.atomic():
        summary = write_values(validator.rows, options.source_label)
        summary.skipped = validator.skipped
        run = create_object(
            ImportRun,
            by=by,
            organisation=organisation,
            created_by=by if getattr(by, "pk", None) else None,
            format=fmt,
            file_name=file_name[:255],
            sha256=hashlib.sha256(data).hexdigest(),
            added=summary.added,
            changed=summary.changed,
            unchanged=summary.unchanged,
            skipped=summary.skipped,
            job=job,
        )
    return summary, run
