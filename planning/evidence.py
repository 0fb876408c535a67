"""The documents, plans, cases and trainings a factor rating cites, read for display as plain
rows: four short queries on the link tables instead of four prefetches that build whole objects
(the self-assessment page spent a third of its time in them)."""

from django.utils.translation import gettext as _

from .models import FactorRating

# Relation on FactorRating -> the columns of the linked object the page shows.
EVIDENCE_FIELDS = {
    "policies": ("title",),
    "plans": ("title", "start_year", "end_year"),
    "cases": ("case_number", "title"),
    "trainings": ("topic", "held_on"),
}


def attach_evidence(ratings) -> None:
    """Give each rating `evidence`: relation name -> list of unsaved model instances carrying
    the pk and the shown columns (enough for `str()` and `get_absolute_url()`)."""
    by_id = {rating.pk: rating for rating in ratings}
    for rating in ratings:
        rating.evidence_links = {name: [] for name in EVIDENCE_FIELDS}
    if not by_id:
        return
    for name, fields in EVIDENCE_FIELDS.items():
        field = FactorRating._meta.get_field(name)
        target = field.related_model
        target_column = field.m2m_reverse_field_name()
        through = field.remote_field.through
        rows = (
            through.objects.filter(factorrating_id__in=by_id)
            .order_by(f"{target_column}_id")
            .values_list(
                "factorrating_id",
                f"{target_column}_id",
                *(f"{target_column}__{column}" for column in fields),
            )
        )
        for rating_id, pk, *values in rows:
            by_id[rating_id].evidence_links[name].append(
                target(pk=pk, **dict(zip(fields, values, strict=True)))
            )


# Relation -> its heading on the page, and how one linked object reads there.
SHOWN = {
    "policies": (lambda: _("Policy documents"), lambda policy: policy.title),
    "plans": (lambda: _("Action plans"), str),
    "cases": (lambda: _("Cases"), lambda case: f"{case.case_number} {case.title}"),
    "trainings": (
        lambda: _("Trainings"),
        lambda training: f"{training.topic} ({training.held_on.isoformat()})",
    ),
}


def evidence_groups(rating) -> list[tuple[str, list[tuple[str, str]]]]:
    """What a rating cites, for the page: (heading, [(url, text), …]) per kind it cites."""
    return [
        (heading(), [(obj.get_absolute_url(), text(obj)) for obj in rating.evidence_links[name]])
        for name, (heading, text) in SHOWN.items()
        if rating.evidence_links[name]
    ]
