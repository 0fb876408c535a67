"""Date arithmetic the retention rules share."""

import calendar
from datetime import date


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier, or the month's last day when it has fewer days
    (31 May minus three months is 28 or 29 February)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month_index + 1)[1]
    return date(year, month_index + 1, min(day.day, last))
