"""Who hears about a youth-forum proposal (core/notify.py): the committee's people who may
answer it when it is sent, and the forum's dialogue leaders when the committee has answered.
Called by the services inside their transaction; mailed after it commits."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.notify import tell
from organisations.access import people_allowed


def sent(proposal, *, by):
    committee = proposal.committee
    tell(
        people_allowed("answer", "forumproposal", committee.organisation_id, committee.pk),
        subject=_("A proposal from the youth forum to answer: %(title)s"),
        body=_(
            "%(forum)s has sent a proposal to %(committee)s: %(title)s. The young people wait "
            "for the committee's answer."
        ),
        params={"forum": str(proposal.forum), "committee": str(committee), "title": proposal.title},
        link=reverse("youthforum:proposal_detail", args=[proposal.pk]),
        key=f"forum-proposal-sent:{proposal.pk}",
        organisation=proposal.organisation,
        by=by,
    )


def answered(proposal, *, by):
    forum = proposal.forum
    tell(
        people_allowed("add", "forumproposal", forum.organisation_id, forum.body_id),
        subject=_("The committee has answered: %(title)s"),
        body=_(
            "%(committee)s has answered the youth forum's proposal %(title)s (%(outcome)s). "
            "Tell the forum at its next meeting. The answer: %(answer)s"
        ),
        params={
            "committee": str(proposal.committee),
            "title": proposal.title,
            "outcome": proposal.get_status_display(),
            "answer": proposal.answer,
        },
        link=reverse("youthforum:proposal_detail", args=[proposal.pk]),
        key=f"forum-proposal-answered:{proposal.pk}",
        organisation=proposal.organisation,
        by=by,
    )
