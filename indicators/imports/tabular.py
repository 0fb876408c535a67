"""Reading delimited text: the delimiter is sniffed from the header, columns found by name."""

import csv
import io

from django.utils.translation import gettext as _

from .core import ImportFailed, decode


def reader(data: bytes):
    """(header in lower case, row iterator yielding (line number, cells))."""
    text = decode(data)
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    if first.count(delimiter) == 0:
        raise ImportFailed([(1, _("The first line is not a header with columns."))])
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [cell.strip().lower() for cell in next(rows)]
    except (StopIteration, csv.Error):
        raise ImportFailed([(1, _("The first line is not a header with columns."))]) from None

    def numbered():
        try:
            for number, cells in enumerate(rows, 2):
                # Blank lines (and lines of empty cells) are skipped.
                if cells and (cells[0].strip() if len(cells) == 1 else any(cells)):
                    yield number, cells
        except csv.Error as error:
            raise ImportFailed(
                [(rows.line_num, _("The file is not valid CSV: %(error)s") % {"error": error})]
            ) from None

    return header, numbered()


def column(header: list[str], names: tuple[str, ...], *, required=True):
    """The index of the first column with one of `names`, or None if optional and absent."""
    for name in names:
        if name in header:
            return header.index(name)
    if required:
        raise ImportFailed(
            [(1, _("The column “%(name)s” is missing from the header.") % {"name": names[0]})]
        )
    return None


def cell(cells: list[str], index) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index]
