"""The objects the every-URL tests open, built by plain functions.

`build_url_kwargs` takes the standing personas' objects (from the fixtures in conftest, or from
`build_url_world`, which makes them itself) and adds an object of every other kind. The
every-URL test builds this world once per module (`url_world` in conftest); each test then runs
in a savepoint that is rolled back, as Django's `TestCase.setUpTestData` does.
"""

import datetime
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import OidcProvider
from agreements import services as agreements
from api.services import create_token
from archive import services as archive
from assessments import services as case_services
from assessments.models import TemplateVersion
from assessments.template_services import copy_template
from childbudget import services as childbudget
from core.models import Job
from indicators.models import Indicator
from indicators.services import cite_indicator
from knowledge import services as knowledge
from networks import services as network_services
from networks import services as networks
from networks.models import Network
from organisations import services
from organisations.models import Body, Membership, Organisation, PopulationFact
from organisations.roles import Role
from participation import services as participation
from peerreview import services as peer
from planning import childfriendly_services, selfassessment_services
from planning import services as planning
from reports import services as reports
from training import services as training
from youthforum import services as forum_services

PASSWORD = "a-long-test-password-1883"

FULL_ANSWERS = {
    "children_affected": "yes",
    "child_groups": ["age_6_12"],
    "articles": [3, 12],
    "children_heard": "yes",
    "how_heard": "Enkät",
    "views_summary": "Vill ha en park",
    "facts": "600 barn",
    "research": "Studier",
    "law": "PBL",
    "best_interests": "En trygg park",
    "other_interests": "Kostnad",
    "against_best_interests": "no",
    "feedback_plan": "Via ungdomsforum",
}


# The standing personas and their organisations --------------------------------------------


def make_user(username, **extra):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        first_name=extra.pop("first_name", "Test"),
        last_name=extra.pop("last_name", username.title()),
        **extra,
    )


def make_member(organisation, username, role):
    user = make_user(username)
    services.add_member(organisation, by=None, user=user, role=role)
    return user


def make_karlskoga():
    return Organisation.objects.create(
        name="Karlskoga kommun", kind="municipality", scb_code="1883"
    )


def make_degerfors():
    return Organisation.objects.create(
        name="Degerfors kommun", kind="municipality", scb_code="1862"
    )


def make_social_committee(karlskoga):
    return services.create_body(karlskoga, by=None, name="Socialnämnden", kind=Body.Kind.COMMITTEE)


def make_karlskoga_network(karlskoga, committee):
    return network_services.create_network(
        karlskoga,
        by=None,
        name="Tvärsektoriellt nätverk",
        kind=Network.Kind.CROSS_SECTORAL,
        member_organisations=[karlskoga],
        member_bodies=[committee],
    )


def shipped_version(key):
    return TemplateVersion.objects.get(template__key=key, template__organisation=None)


def make_case(karlskoga, committee, officer):
    return case_services.create_case(
        karlskoga,
        by=officer,
        body=committee,
        case_number="SN 2026/1",
        title="Ny parklek",
        officer=officer,
    )


def make_forum(karlskoga, committee, dialogue_leader):
    return forum_services.create_forum(
        karlskoga, by=dialogue_leader, name="Ungdomsforum", body=committee
    )


def make_forum_member(forum, dialogue_leader):
    return forum_services.add_member(
        forum,
        by=dialogue_leader,
        pseudonym="Nova",
        age_band="13-17",
        joined_on=datetime.date(2026, 1, 15),
        contact_consent=True,
        email="nova@example.org",
        phone="070-123 45 67",
    )


def make_forum_meeting(forum, dialogue_leader):
    return forum_services.create_meeting(
        forum,
        by=dialogue_leader,
        held_on=datetime.date(2026, 2, 1),
        place="Fritidsgården",
        agenda="<p>Skateparken</p>",
    )


def make_forum_matter(forum, meeting, dialogue_leader):
    return forum_services.raise_matter(
        forum, by=dialogue_leader, title="Skateparken", raised_at=meeting
    )


def make_forum_proposal(forum, matter, committee, dialogue_leader):
    return forum_services.send_proposal(
        forum,
        by=dialogue_leader,
        committee=committee,
        matter=matter,
        title="Belysning vid skateparken",
        text="Sätt upp belysning.",
        sent_on=datetime.date(2026, 2, 10),
    )


def make_team_personas() -> dict:
    """Issue 21's two personas: the coordinator of the public-health team hosted by Nora (a
    role on the team only) and a case officer in Hällefors, which the team serves."""
    nora = Organisation.objects.create(name="Nora kommun", kind="municipality", scb_code="1884")
    hallefors = Organisation.objects.create(
        name="Hällefors kommun", kind="municipality", scb_code="1863"
    )
    team = services.create_body(
        nora,
        by=None,
        name="Folkhälsoteamet",
        kind=Body.Kind.TEAM,
        served_organisations=[hallefors],
    )
    team_coordinator = make_user("team_coordinator")
    services.add_member(nora, by=None, user=team_coordinator, role=Role.COORDINATOR, body=team)
    return {
        "team_coordinator": team_coordinator,
        "served_case_officer": make_member(hallefors, "served_case_officer", Role.CASE_OFFICER),
    }


# The world of the every-URL tests ----------------------------------------------------------


@dataclass
class UrlWorld:
    kwargs: dict  # kwargs builder key -> URL kwargs
    users: dict  # persona -> user (None for anonymous)


def build_url_world() -> UrlWorld:
    """The personas and an object of every kind, made without fixtures (for module scope)."""
    karlskoga, degerfors = make_karlskoga(), make_degerfors()
    committee = make_social_committee(karlskoga)
    network = make_karlskoga_network(karlskoga, committee)
    users = {
        "anonymous": None,
        "coordinator": make_member(karlskoga, "coordinator", Role.COORDINATOR),
        "case_officer": make_member(karlskoga, "case_officer", Role.CASE_OFFICER),
        "outsider": make_member(degerfors, "outsider", Role.COORDINATOR),
        **make_team_personas(),
    }
    decision_maker = make_member(karlskoga, "decision_maker", Role.DECISION_MAKER)
    dialogue_leader = make_member(karlskoga, "dialogue_leader", Role.DIALOGUE_LEADER)
    officer = users["case_officer"]
    standard = shipped_version("standard")
    assessment = case_services.start_assessment(
        make_case(karlskoga, committee, officer), by=officer, version=standard
    )
    forum = make_forum(karlskoga, committee, dialogue_leader)
    meeting = make_forum_meeting(forum, dialogue_leader)
    kwargs = build_url_kwargs(
        karlskoga,
        committee,
        network,
        officer,
        assessment,
        decision_maker,
        standard,
        make_forum_member(forum, dialogue_leader),
        meeting,
        make_forum_proposal(
            forum, make_forum_matter(forum, meeting, dialogue_leader), committee, dialogue_leader
        ),
    )
    return UrlWorld(kwargs=kwargs, users=users)


def build_url_kwargs(
    karlskoga,
    social_committee,
    karlskoga_network,
    case_officer,
    assessment,
    decision_maker,
    standard_version,
    forum_member,
    forum_meeting,
    forum_proposal,
) -> dict:
    """Objects of every kind a URL names, all Karlskoga's; the URL kwargs for each."""

    new_case = case_services.create_case(
        karlskoga,
        by=case_officer,
        body=social_committee,
        case_number="SN 2026/2",
        title="Utan prövning",
    )
    decided = case_services.create_case(
        karlskoga, by=case_officer, body=social_committee, case_number="SN 2026/3", title="Beslutat"
    )
    started = case_services.start_assessment(decided, by=case_officer, version=standard_version)
    saved = case_services.save_answers(
        started, by=case_officer, answers=FULL_ANSWERS, expected_version=1
    )
    case_services.approve_assessment(
        case_services.submit_for_review(saved, by=case_officer), by=decision_maker
    )
    case_services.record_decision(
        decided,
        by=decision_maker,
        outcome="Bifall",
        decided_on="2026-11-01",
        follows_best_interests=True,
    )
    own = copy_template(standard_version.template, by=None, organisation=karlskoga)
    own_version = own.versions.get()
    pdf = SimpleUploadedFile("underlag.pdf", b"%PDF-1.4\n%%EOF\n")
    attachment = case_services.add_attachment(
        assessment.case, by=case_officer, title="Underlag", uploaded=pdf
    )
    fact = services.add_population_fact(
        karlskoga, by=None, year=2024, inhabitants=30000, source="SCB"
    )
    by_age = services.add_population_by_age(
        karlskoga,
        by=None,
        year=2024,
        age_band="6-12",
        total=2800,
        girls=1350,
        boys=1450,
        source="SCB",
    )
    consultation = _consultation(karlskoga, case_officer)
    case_officer.calendar_token = "kalender-" + "x" * 32  # the secret in the feed's address
    case_officer.save(update_fields=["calendar_token"])
    kinds = _merged(_planning(karlskoga, social_committee), _knowledge(karlskoga))
    kinds = _merged(kinds, _peer_review(karlskoga))
    kinds = _merged(kinds, _agreements(karlskoga, social_committee))
    kinds = _merged(kinds, _indicators(karlskoga, assessment, case_officer))
    kinds = _merged(kinds, _training_budget(karlskoga, social_committee))
    kinds = _merged(kinds, _reports(karlskoga, decision_maker))
    kinds = _merged(kinds, _networks(karlskoga, karlskoga_network, case_officer))
    return kinds | {
        None: {},
        "child_code": {"code": consultation.code},
        "calendar_token": {"token": case_officer.calendar_token},
        "organisation_of_reports": {"organisation": karlskoga.pk},
        "consultation": {"pk": consultation.pk},
        "consultation_close": {"pk": consultation.pk, "action": "close"},
        "consultation_png": {"pk": consultation.pk, "fmt": "png"},
        "consultation_csv": {"pk": consultation.pk, "fmt": "csv"},
        "answer": {"pk": _flagged_answer(consultation).pk},
        "question": {"pk": consultation.questions.get().pk},
        "voice": {"pk": consultation.offline_voices.get().pk},
        "organisation": {"pk": karlskoga.pk},
        "organisation_pk": {"organisation_pk": karlskoga.pk},
        "body": {"pk": social_committee.pk},
        "network": {"pk": karlskoga_network.pk},
        "membership": {"pk": Membership.objects.get(user=case_officer).pk},
        "person": {"organisation_pk": karlskoga.pk, "user_pk": case_officer.pk},
        "fact": {"pk": PopulationFact.objects.get(pk=fact.pk).pk},
        "population_by_age": {"pk": by_age.pk},
        "history": {"model_label": "organisations.body", "pk": social_committee.pk},
        "job": {"pk": Job.objects.create(key="url-world", kind="-", organisation=karlskoga).pk},
        "archive_package": {"pk": _archive_package(karlskoga).pk},
        "article": {"number": 12},
        "reset": {"uidb64": "MQ", "token": "invalid-token"},
        "case": {"pk": assessment.case_id},
        "new_case": {"pk": new_case.pk},
        "decided_case": {"pk": decided.pk},
        "template": {"pk": standard_version.template_id},
        "csv": {"fmt": "csv"},
        "case_docx": {"pk": assessment.case_id, "fmt": "docx"},
        "own_template": {"pk": own.pk},
        "own_version": {"pk": own_version.pk},
        "own_question": {"pk": own_version.pk, "key": "children_affected"},
        "external": {"external_id": "D-1"},
        "attachment": {"pk": attachment.pk},
        "token": {"pk": create_token(karlskoga, by=None, name="Diariet")[0].pk},
        "forum": {"pk": forum_member.forum_id},
        "forum_member": {"pk": forum_member.pk},
        "forum_meeting": {"pk": forum_meeting.pk},
        "forum_matter": {"pk": forum_proposal.matter_id},
        "forum_proposal": {"pk": forum_proposal.pk},
        "retention_rule": {"pk": _retention_rule(karlskoga).pk},
        "sso_provider": {"slug": _sso_provider(karlskoga).slug},
    }


def _sso_provider(karlskoga):
    """Karlskoga's sign-in provider, not in use (no provider runs for the every-URL tests)."""
    provider = OidcProvider.objects.create(
        name="Karlskoga kommun",
        slug="karlskoga",
        issuer="https://login.karlskoga.example",
        client_id="barnratt",
        is_active=False,
    )
    provider.organisations.add(karlskoga)
    return provider


def _networks(karlskoga, network, person):
    meeting = networks.create_meeting(
        network, by=None, title="Träff", held_on=datetime.date(2026, 5, 1)
    )
    contact = networks.add_contact(network, karlskoga, by=None, user=person, role="Kontakt")
    policy = planning.create_policy(karlskoga, by=None, title="Delad policy", kind="policy")
    shared = networks.share(network, policy, by=None, kind="policy")
    document = networks.add_meeting_document(
        meeting,
        by=None,
        title="Dagordning",
        uploaded=SimpleUploadedFile("dagordning.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    series = networks.create_series(
        network,
        by=None,
        title="Nätverksträff",
        frequency="monthly",
        interval=3,
        starts_on=datetime.date(2026, 2, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    # With consent, so that its contact details may hold text (the tenant sweep fills them).
    partner = networks.add_partner(
        network,
        by=None,
        name="Rädda Barnen",
        kind="civil_society",
        contact_consent=True,
        contact_name="Kontaktperson på Rädda Barnen",
    )
    return {
        "meeting_series": {"pk": series.pk},
        "network_partner": {"pk": partner.pk},
        "network_meeting": {"pk": meeting.pk},
        "meeting_document": {"pk": document.pk},
        "network_contact": {"pk": contact.pk},
        "shared_item": {"network_pk": network.pk, "pk": shared.pk},
    }


def _merged(*parts: dict) -> dict:
    """The URL kwargs of the world's parts; a name given twice would send one app's URLs to
    another app's object, so it is refused."""
    merged: dict = {}
    for part in parts:
        clash = merged.keys() & part.keys()
        assert not clash, f"URL kwargs named twice: {sorted(clash)}"
        merged |= part
    return merged


def _agreements(karlskoga, committee):
    region = Organisation.objects.create(name="Region Örebro län", kind="region")
    agreement = agreements.create_agreement(
        karlskoga,
        by=None,
        title="Samverkansavtal om folkhälsa",
        starts_on=datetime.date(2026, 1, 1),
        carried_out_by=committee,
        parties=[agreements.Party(karlskoga, 60), agreements.Party(region, 40)],
    )
    regulation = agreements.create_regulation(
        karlskoga, by=None, body=committee, title="Reglemente för socialnämnden"
    )
    return {
        "cooperation_agreement": {"pk": agreement.pk},
        "regulation": {"pk": regulation.pk},
        "target_area": {"number": 6},
    }


def _archive_package(karlskoga):
    """A package made on the page, its file in the storage (archive/jobs.py)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from archive.models import ArchiveExport

    export = ArchiveExport.objects.create(
        organisation=karlskoga,
        objid="barnratt-1883-url-world",
        decided_from=datetime.date(2026, 1, 1),
        decided_to=datetime.date(2026, 12, 31),
        case_count=0,
        sha256="0" * 64,
        size=2,
    )
    default_storage.save(export.stored_name, ContentFile(b"PK"))
    return export


def _retention_rule(karlskoga):
    return archive.save_rule(
        karlskoga,
        by=None,
        record_type="forum_meetings",
        keep_months=24,
        decision_reference="KS 2026/1",
        adopted_on=datetime.date(2026, 1, 1),
    )


def _peer_review(karlskoga):
    """A partnership of Karlskoga and Haninge: one review in progress, one reported."""
    haninge = Organisation.objects.create(name="Haninge", kind="municipality", scb_code="0136")
    network = network_services.create_network(
        karlskoga,
        by=None,
        name="Partnerskapet",
        kind=Network.Kind.PARTNERSHIP,
        member_organisations=[karlskoga, haninge],
    )

    def plan(year):
        review = peer.plan_review(
            network,
            by=None,
            organisation=karlskoga,
            reviewing_organisations=[haninge],
            title=f"Granskning {year}",
            year=year,
            focus_factors=["training"],
        )
        return peer.start_review(review, by=None)

    ongoing, reported = plan(2026), plan(2025)
    interview = peer.add_interview(ongoing, by=None, held_on="2026-03-01", with_whom="Rektor")
    finding = peer.save_finding(reported, "training", by=None, text="Iakttagelse", level=2)
    recommendation = peer.add_recommendation(finding, by=None, text="Rekommendation")
    peer.report_review(reported, by=None)
    return {
        "peer_network": {"network_pk": network.pk},
        "peer_review": {"pk": ongoing.pk},
        "peer_factor": {"pk": ongoing.pk, "factor": "training"},
        "peer_part": {"pk": ongoing.pk, "kind": "interviews", "part_pk": interview.pk},
        "peer_pdf": {"pk": reported.pk, "fmt": "pdf"},
        "peer_recommendation": {"pk": recommendation.pk},
    }


def _knowledge(karlskoga):
    def add(visibility):
        return knowledge.create_example(
            karlskoga,
            by=None,
            title=f"Exempel {visibility}",
            year=2025,
            description="<p>Text</p>",
            visibility=visibility,
        )

    return {"example": {"pk": add("network").pk}, "public_example": {"pk": add("public").pk}}


def _planning(karlskoga, committee):
    by = make_user("planner")
    pdf = SimpleUploadedFile("policy.pdf", b"%PDF-1.4\n%%EOF\n")
    policy = planning.create_policy(karlskoga, by=by, title="Policy", kind="policy", uploaded=pdf)
    plan = planning.create_plan(karlskoga, by=by, title="Plan", start_year=2026, end_year=2027)
    area = planning.add_area(plan, by=by, title="Område")
    goal = planning.add_goal(area, by=by, title="Mål")
    activity = planning.add_activity(
        goal,
        by=by,
        title="Aktivitet",
        responsible_body=committee,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 6, 30),
    )
    follow_up = planning.record_follow_up(
        activity, by=by, period="2026", status="ongoing", result="Pågår"
    )
    self_assessment = selfassessment_services.start_self_assessment(karlskoga, by=by, year=2026)
    agreement = childfriendly_services.create_agreement(
        karlskoga,
        by=by,
        signed_on=datetime.date(2018, 1, 19),
        uploaded=SimpleUploadedFile("avtal.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    step = agreement.steps.first()
    childfriendly_services.update_step(
        step,
        by=by,
        started_on=datetime.date(2018, 2, 1),
        uploaded=SimpleUploadedFile("analys.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    return {
        "self_assessment": {"pk": self_assessment.pk},
        "self_assessment_csv": {"pk": self_assessment.pk, "fmt": "csv"},
        "agreement": {"pk": agreement.pk},
        "agreement_step": {"pk": step.pk},
        "policy": {"pk": policy.pk},
        "plan": {"pk": plan.pk},
        "plan_csv": {"pk": plan.pk, "fmt": "xlsx"},
        "plan_area": {"pk": area.pk},
        "plan_goal": {"pk": goal.pk},
        "plan_activity": {"pk": activity.pk},
        "plan_follow_up": {"pk": follow_up.pk},
    }


def _indicators(karlskoga, assessment, by):
    indicator = Indicator.objects.get(code="barn-ekonomiskt-utsatta")
    citation = cite_indicator(assessment, by=by, indicator=indicator)
    return {
        "indicator": {"pk": indicator.pk},
        "org_indicator": {"organisation_pk": karlskoga.pk, "pk": indicator.pk},
        "case_pk": {"case_pk": assessment.case_id},
        "import_progress": {"organisation_pk": karlskoga.pk, "token": "0" * 32},
        "citation": {"pk": citation.pk},
    }


def _training_budget(karlskoga, committee):
    by = make_user("trainer")
    session = training.create_session(
        karlskoga,
        by=by,
        topic="Utbildning",
        held_on=datetime.date(2026, 3, 1),
        format="digital",
        target_group="staff",
        body_counts={committee: 5},
    )
    pdf = SimpleUploadedFile("bilder.pdf", b"%PDF-1.4\n%%EOF\n")
    material = training.add_material(session, by=by, title="Bilder", uploaded=pdf)
    budget = childbudget.create_budget(karlskoga, by=by, body=committee, year=2026)
    return {
        "training_session": {"pk": session.pk},
        "training_material": {"pk": material.pk},
        "coverage_csv": {"organisation_pk": karlskoga.pk, "fmt": "csv"},
        "headcounts": {"organisation_pk": karlskoga.pk, "year": 2026},
        "child_budget": {"pk": budget.pk},
        "child_budget_csv": {"pk": budget.pk, "fmt": "xlsx"},
    }


def _reports(karlskoga, decision_maker):
    by = make_user("reporter")
    draft = reports.create_report(karlskoga, by=by, year=2026)
    published = reports.create_report(karlskoga, by=by, year=2025)
    reports.approve_report(published, by=decision_maker)
    reports.publish_report(published, by=by)
    public = {"slug": published.slug, "year": 2025}
    own = reports.create_own_section(draft, by=by, title="Egen del", text="Text")
    return {
        "report": {"pk": draft.pk},
        "own_section": {"pk": own.pk},
        "report_approve": {"pk": draft.pk, "action": "approve"},
        "report_csv": {"pk": draft.pk, "fmt": "csv"},
        "published_report": public,
        "published_version": public | {"number": 1},
        "published_csv": public | {"number": 1, "fmt": "csv"},
        "published_dcat": {"organisation_pk": karlskoga.pk},
    }


def _consultation(karlskoga, by):
    consultation = participation.create_consultation(
        karlskoga, by=by, title="Parken", introduction="Vad tycker du?", age_bands=["6-12"]
    )
    participation.add_question(consultation, by=by, kind="text", text="Vad vill du ha?")
    participation.record_offline_voice(
        consultation,
        by=by,
        held_on="2026-11-01",
        channel="meeting",
        children_count=6,
        points="Gungor",
    )
    return participation.open_consultation(consultation, by=by)


def _flagged_answer(consultation):
    question = consultation.questions.get()
    response, _created = participation.submit_response(
        consultation,
        submission_key="url-access",
        age_band="6-12",
        answers={question.pk: "Ring 070-123 45 67"},
    )
    return response.answers.get()
