"""What the youth forum puts on the start page: proposals waiting for a committee's answer, and
meetings that have been held but have no minutes yet."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.start import WaitingItem, waiting_provider
from organisations.access import user_access
from organisations.permissions import allowed_roles

from .models import ForumMeeting, ForumProposal

LIMIT = 10


def _scope(user, object_type, action):
    """Organisations and bodies where the user's roles allow the action."""
    roles = allowed_roles(object_type, action)
    access = user_access(user)
    organisations = [o for o, held in access.organisation_roles.items() if held & roles]
    bodies = [b for b, held in access.body_roles.items() if held & roles]
    return organisations, bodies


@waiting_provider
def proposals_waiting_for_an_answer(user):
    organisations, bodies = _scope(user, "forumproposal", "answer")
    if not (organisations or bodies):
        return []
    waiting = ForumProposal.objects.filter(
        Q(committee__organisation_id__in=organisations) | Q(committee_id__in=bodies),
        status=ForumProposal.Status.SENT,
    )
    count = waiting.count()
    if not count:
        return []
    label = ngettext(
        "%(count)d proposal from the youth forum waiting for an answer",
        "%(count)d proposals from the youth forum waiting for an answer",
        count,
    ) % {"count": count}
    return [WaitingItem(label, reverse("youthforum:proposals_waiting"))]


@waiting_provider
def meetings_without_minutes(user):
    organisations, bodies = _scope(user, "forummeeting", "change")
    if not (organisations or bodies):
        return []
    meetings = ForumMeeting.objects.filter(
        Q(organisation_id__in=organisations) | Q(forum__body_id__in=bodies),
        held_on__lt=timezone.localdate(),
        minutes="",
    ).select_related("forum")
    return [
        WaitingItem(
            _("Write the minutes: %(meeting)s") % {"meeting": meeting},
            reverse("youthforum:meeting_edit", args=[meeting.pk]),
        )
        for meeting in meetings.order_by("held_on")[:LIMIT]
    ]
