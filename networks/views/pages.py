"""The network's page and the read-only view of what a member shared with it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from assessments.presentation import template_sections
from indicators import comparisons
from organisations.access import can, can_on
from planning.models import ActionPlan

from ..forms import SharedTemplateCopyForm
from ..models import MeetingSeries, NetworkContact, NetworkMeeting, NetworkPartner, SharedItem
from .helpers import acting_organisation_ids, network_for
from .sharing import copy_targets

ITEM_RELATIONS = (
    "organisation",
    "policy",
    "report_version__report",
    "example",
    "comparison__indicator",
    "comparison__organisation",
    "template",
)


@login_required
def network_detail(request, pk):
    """Members, contact persons, meetings, the joint plan and what members share, in a fixed
    number of queries."""
    network = network_for(request, pk)
    user = request.user
    convener = network.organisation_id
    member_organisations = list(network.member_organisations.all())
    member_bodies = list(network.member_bodies.select_related("organisation"))
    member_ids = {convener, *(o.pk for o in member_organisations)}
    member_ids |= {body.organisation_id for body in member_bodies}
    context = {
        "network": network,
        "member_organisations": member_organisations,
        "member_bodies": member_bodies,
        "contacts": NetworkContact.objects.filter(network=network).select_related(
            "organisation", "user"
        ),
        "meetings": NetworkMeeting.objects.filter(network=network)[:20],
        "series": MeetingSeries.objects.filter(network=network),
        "partners": NetworkPartner.objects.filter(network=network),
        "can_keep_partners": can(user, "add", "networkpartner", convener, network.convened_by_id),
        "plans": ActionPlan.objects.filter(network=network),
        "shared_items": SharedItem.objects.filter(network=network).select_related(*ITEM_RELATIONS),
        "can_edit": can_on(user, "change", network),
        "can_delete": can_on(user, "delete", network),
        "can_see_history": can(user, "view", "auditentry", convener),
        "can_add_meeting": can(user, "add", "networkmeeting", convener, network.convened_by_id),
        "can_add_plan": can(user, "add", "actionplan", convener),
        "can_add_contact": bool(acting_organisation_ids(user, member_ids, "add", "networkcontact")),
        "can_share": bool(acting_organisation_ids(user, member_ids, "add", "shareditem")),
        "contact_deletable": set(
            acting_organisation_ids(user, member_ids, "delete", "networkcontact")
        ),
    }
    return render(request, "networks/network_detail.html", context)


@login_required
def shared_item(request, network_pk, pk):
    """One shared item, read-only, for the network's members. Unshared means 404."""
    network = network_for(request, network_pk)
    shared = get_object_or_404(
        SharedItem.objects.filter(network=network).select_related(*ITEM_RELATIONS), pk=pk
    )
    context = {
        "network": network,
        "shared": shared,
        "item": shared.item,
        "can_unshare": can(request.user, "delete", "shareditem", shared.organisation_id),
    }
    if shared.kind == SharedItem.Kind.COMPARISON:
        context |= _comparison_context(shared.comparison)
    if shared.kind == SharedItem.Kind.POLICY:
        context["articles"] = shared.policy.articles.all()
    if shared.kind == SharedItem.Kind.EXAMPLE:
        context["articles"] = shared.example.articles.all()
    if shared.kind == SharedItem.Kind.TEMPLATE:
        context |= _template_context(request.user, network, shared.template)
    return render(request, "networks/shared_item.html", context)


def _template_context(user, network, template) -> dict:
    """The latest published version, read-only, and where the user may copy it to."""
    version = template.published_versions().order_by("-number").first()
    targets = copy_targets(user, network)
    return {
        "version": version,
        "sections": template_sections(version),
        "copy_form": SharedTemplateCopyForm(organisation_ids=targets) if targets else None,
    }


def _comparison_context(comparison) -> dict:
    indicator = comparison.indicator
    areas = comparisons.comparison_areas(comparison.organisation, comparison.compare)
    genders = ["T", "K", "M"] if indicator.by_gender else ["T"]
    values = comparisons.read_values(indicator, [area.code for area in areas], genders=genders)
    chart = comparisons.comparison_chart(indicator, areas, values, id_prefix="shared-comparison")
    return {"chart": chart, "areas": areas}
