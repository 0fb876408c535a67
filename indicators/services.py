"""State changes of the catalogue and of citations, each with its audit entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import create_object, delete_object, update_object, write_entry
from core.models import AuditEntry

from .models import Citation, Indicator, MunicipalityGroup, MunicipalityGroupMember


def _tags(**lists) -> dict:
    return {name: list(values) for name, values in lists.items() if values is not None}


def create_indicator(*, by, articles=(), target_areas=(), organisation=None, **fields) -> Indicator:
    m2m = _tags(articles=articles, target_areas=target_areas)
    return create_object(Indicator, by=by, organisation=organisation, m2m=m2m, **fields)


def update_indicator(
    indicator: Indicator, *, by, articles=None, target_areas=None, **fields
) -> Indicator:
    m2m = _tags(articles=articles, target_areas=target_areas)
    return update_object(indicator, by=by, m2m=m2m, **fields)


def cite_indicator(assessment, *, by, indicator: Indicator, note: str = "") -> Citation:
    if Citation.objects.filter(assessment=assessment, indicator=indicator).exists():
        raise ValidationError(_("The assessment already cites this indicator."))
    if indicator.organisation_id not in (None, assessment.organisation_id):
        raise ValidationError(_("This indicator belongs to another organisation."))
    return create_object(
        Citation,
        by=by,
        organisation_id=assessment.organisation_id,
        assessment=assessment,
        indicator=indicator,
        note=note,
    )


def remove_citation(citation: Citation, *, by) -> None:
    delete_object(citation, by=by)


def store_municipality_groups(groups: list[dict], *, by=None) -> dict:
    """Replace Kolada's municipality groups with a fresh fetch ({"id", "title", "members"}):
    new, changed and vanished groups each get an audit entry; an unchanged group none."""
    now = timezone.now()
    counts = {"added": 0, "changed": 0, "removed": 0}
    with transaction.atomic():
        stored = {group.kolada_id: group for group in MunicipalityGroup.objects.all()}
        members = {}
        for group_id, code in MunicipalityGroupMember.objects.values_list(
            "group__kolada_id", "area_code"
        ):
            members.setdefault(group_id, set()).add(code)
        for fetched in groups:
            wanted = {code for code in fetched["members"] if len(code) <= 4}
            group = stored.pop(fetched["id"], None)
            if group is None:
                group = MunicipalityGroup.objects.create(
                    kolada_id=fetched["id"], title=fetched["title"][:300], fetched_at=now
                )
                changes = {"title": [None, group.title], "members": [None, len(wanted)]}
                action, counts["added"] = AuditEntry.Action.CREATE, counts["added"] + 1
            else:
                before = members.get(group.kolada_id, set())
                if group.title == fetched["title"][:300] and before == wanted:
                    continue
                changes = {"title": [group.title, fetched["title"][:300]]}
                changes["members"] = [len(before), len(wanted)]
                group.title, group.fetched_at = fetched["title"][:300], now
                group.save(update_fields=["title", "fetched_at"])
                group.members.all().delete()
                action, counts["changed"] = AuditEntry.Action.UPDATE, counts["changed"] + 1
            MunicipalityGroupMember.objects.bulk_create(
                MunicipalityGroupMember(group=group, area_code=code) for code in sorted(wanted)
            )
            write_entry(group, by=by, action=action, changes=changes, note="Kolada")
        for group in stored.values():
            write_entry(group, by=by, action=AuditEntry.Action.DELETE, changes={}, note="Kolada")
            group.delete()
            counts["removed"] += 1
    return counts
