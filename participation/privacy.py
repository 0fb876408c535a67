"""Small groups are not shown, so that no child can be picked out from a breakdown of answers.

A group with fewer than MIN_GROUP_SIZE respondents is hidden. When only one group is hidden,
the next smallest is hidden as well: otherwise the total minus the shown groups gives it away.
"""

from django.utils.translation import gettext as _

MIN_GROUP_SIZE = 5


def suppress_small_groups(
    counts: dict[str, int], min_size: int = MIN_GROUP_SIZE
) -> dict[str, int | None]:
    """The counts with every group that must not be shown replaced by None, order kept."""
    small, complementary = hidden_groups(counts, min_size)
    return {key: None if key in small | complementary else n for key, n in counts.items()}


def hidden_groups(
    counts: dict[str, int], min_size: int = MIN_GROUP_SIZE
) -> tuple[set[str], set[str]]:
    """The groups too small to show, and the group hidden to protect a lone small one."""
    small = {key for key, n in counts.items() if n < min_size}
    if len(small) != 1:
        return small, set()
    shown = [(n, index, key) for index, (key, n) in enumerate(counts.items()) if key not in small]
    if not shown:
        return small, set()
    _n, _index, next_smallest = min(shown)
    return small, {next_smallest}


def suppression_note(counts: dict[str, int], min_size: int = MIN_GROUP_SIZE) -> str | None:
    """A sentence for under the table or chart saying why figures are missing, if any are."""
    small, complementary = hidden_groups(counts, min_size)
    if not small:
        return None
    note = _("Groups with fewer than %(min_size)s respondents are not shown.") % {
        "min_size": min_size
    }
    if complementary:
        note += " " + _(
            "One more group is hidden so that the missing figure cannot be worked out "
            "from the total."
        )
    return note
