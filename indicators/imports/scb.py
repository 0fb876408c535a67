"""SCB's PxWeb formats: json-stat2 (PxWebApi 2.0's `outputFormat=json-stat2`, and the older
API's `format=json-stat2`) and the CSV export.

json-stat2: the region dimension (role geo, or "Region") gives the SCB code, the time dimension
(role time, or "Tid") the year, "Kon" the gender (1 boys, 2 girls, 1+2 total), "Alder" an age
band, and the contents code (role metric, or "ContentsCode") the indicator, matched against the
catalogue's SCB ids — or, when an indicator is chosen on import, every figure is that indicator's
and the table must hold one contents code. A table may also hold dimensions with a single value.
`status` may be an object keyed by position, a list, or one text for every value.
CSV: the PxWeb export with a header such as "region","kön","2022","2023": one column per year
(a contents label before the year is allowed), regions written "1883 Karlskoga". The indicator
is chosen when importing.
Riket (Sweden) is "00" at SCB and is stored as "0000", the code Kolada uses.
"""

import re

from django.utils.translation import gettext as _

from ..models import NATIONAL_CODE
from .core import ImportFailed, RawRow
from .kolada import load_json
from .tabular import cell, reader

AGE_TOTALS = {"tot", "totalt", "tot1", "totalt ålder", ""}
YEAR = re.compile(r"(\d{4})(?:[a-z]\d{1,2})?$")
SCB_NATIONAL = ("00", "riket", "sweden")


def area_code(raw: str) -> str:
    """SCB's region code as stored: Riket ("00", or the bare label) becomes "0000"."""
    return NATIONAL_CODE if raw.strip().lower() in SCB_NATIONAL else raw


def _status_at(statuses, flat: int):
    if isinstance(statuses, dict):
        return statuses.get(str(flat))
    if isinstance(statuses, list):
        return statuses[flat] if flat < len(statuses) else None
    return statuses or None


def _categories(dimension) -> list[str]:
    index = dimension.get("category", {}).get("index")
    if isinstance(index, dict):
        return [code for code, _position in sorted(index.items(), key=lambda item: item[1])]
    if isinstance(index, list):
        return [str(code) for code in index]
    labels = dimension.get("category", {}).get("label", {})
    return list(labels)


def jsonstat_rows(data: bytes, *, one_indicator: bool = False):
    """`one_indicator`: the importer chose the indicator, so the table may hold one contents
    code only (two would land on the same figures)."""
    document = load_json(data)
    if not isinstance(document, dict) or document.get("class") != "dataset":
        raise ImportFailed([(0, _("This is not a json-stat2 dataset from SCB."))])
    ids, sizes = document.get("id") or [], document.get("size") or []
    dimensions = document.get("dimension") or {}
    role = document.get("role") or {}
    if len(ids) != len(sizes) or any(name not in dimensions for name in ids):
        raise ImportFailed([(0, _("The dataset's dimensions do not match its sizes."))])

    def pick(role_name, fallback):
        for name in role.get(role_name, []) or []:
            if name in ids:
                return name
        return next((name for name in ids if name.lower() == fallback), None)

    geo, time, metric = pick("geo", "region"), pick("time", "tid"), pick("metric", "contentscode")
    if geo is None or time is None or metric is None:
        raise ImportFailed([(0, _("The dataset needs a region, a time and a contents code."))])
    codes = {name: _categories(dimensions[name]) for name in ids}
    gender = next((name for name in ids if name.lower() in ("kon", "kön")), None)
    age = next((name for name in ids if name.lower() in ("alder", "ålder")), None)
    for name, size in zip(ids, sizes, strict=True):
        if size > 1 and name not in (geo, time, metric, gender, age):
            raise ImportFailed(
                [(0, _("The dimension “%(name)s” has more than one value.") % {"name": name})]
            )
    if one_indicator and sizes[ids.index(metric)] > 1:
        raise ImportFailed(
            [(0, _("The table holds several contents codes; import it without an indicator."))]
        )
    values = document.get("value")
    statuses = document.get("status")
    total = 1
    for size in sizes:
        total *= size
    if isinstance(values, list) and len(values) != total:
        raise ImportFailed([(0, _("The dataset's values do not match its dimensions."))])
    for flat in range(total):
        position, rest = {}, flat
        for name, size in zip(reversed(ids), reversed(sizes), strict=True):
            position[name] = codes[name][rest % size]
            rest //= size
        value = values[flat] if isinstance(values, list) else (values or {}).get(str(flat))
        status = _status_at(statuses, flat)
        age_band = position.get(age, "") if age else ""
        yield RawRow(
            line=flat + 1,
            indicator=position[metric],
            area=area_code(position[geo]),
            year=position[time],
            gender=position.get(gender, "1+2") if gender else "T",
            age_band="" if age_band.lower() in AGE_TOTALS else age_band,
            value=value,
            status="missing" if status and value is None else "",
        )


def csv_rows(data: bytes):
    header, rows = reader(data)
    region = next((i for i, name in enumerate(header) if "region" in name), None)
    if region is None:
        raise ImportFailed(
            [(1, _("The column “%(name)s” is missing from the header.") % {"name": "region"})]
        )
    gender = next((i for i, name in enumerate(header) if name in ("kön", "kon", "sex")), None)
    age = next((i for i, name in enumerate(header) if name in ("ålder", "alder", "age")), None)
    years = {}
    for index, name in enumerate(header):
        match = YEAR.search(name.strip())
        if match and index not in (region, gender, age):
            years[index] = match.group(1)
    if not years:
        raise ImportFailed([(1, _("The header has no year columns."))])
    for number, cells in rows:
        area = area_code(cell(cells, region).strip().split(" ", 1)[0])
        age_band = cell(cells, age).strip()
        for index, year in years.items():
            yield RawRow(
                line=number,
                indicator="",
                area=area,
                year=year,
                gender=cell(cells, gender) or "T",
                age_band="" if age_band.lower() in AGE_TOTALS else age_band,
                value=cell(cells, index),
            )
