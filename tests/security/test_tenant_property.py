"""Property: whatever two organisations do, neither sees the other's things.

Hypothesis walks random sequences of actions by a coordinator in Karlskoga ("a") and one in
Degerfors ("b"): create a case, a consultation, a policy or a plan with an activity; rename one
of their own things; delete an activity or a policy. Every title carries a unique marker. After
each step, for both users: the list pages, a search, the exports (CSV and XLSX) and the API with
their organisation's token hold none of the other's markers, live or deleted, and each of the
other's objects answers 404. The user's own live markers do show on their list pages, so the
check cannot pass by showing nothing.

Bounded for CI: a fixed derandomised run of a few short sequences.
"""

import datetime
import io
import itertools
import zipfile

from django.urls import reverse
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from rest_framework.test import APIClient

from api import services as token_services
from assessments import services as cases
from participation import services as participation
from planning import services as planning

SIDES = st.sampled_from(["a", "b"])
COUNTER = itertools.count(1)
# kind -> (detail URL name, list URL name or None)
DETAIL = {
    "case": "assessments:case_detail",
    "consultation": "participation:consultation_detail",
    "policy": "planning:policy_detail",
    "plan": "planning:plan_detail",
    "activity": "planning:activity_detail",
}
LISTS = {
    "case": "assessments:case_list",
    "consultation": "participation:consultation_list",
    "policy": "planning:policy_list",
    "plan": "planning:plan_list",
}


def new_marker(side) -> str:
    return f"MARK{side.upper()}{next(COUNTER):05d}Q"


def text_of(response) -> str:
    content = response.content
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(archive.read(n).decode(errors="replace") for n in archive.namelist())
    return content.decode("utf-8", errors="replace")


class TwoOrganisations(RuleBasedStateMachine):
    world: dict = {}  # set by the test: users, organisations, bodies, clients, API clients

    def __init__(self):
        super().__init__()
        # side -> {(kind, pk): marker} of live objects; and every marker ever used
        self.live = {"a": {}, "b": {}}
        self.gone = {"a": set(), "b": set()}

    # Actions ---------------------------------------------------------------------------------

    def _remember(self, side, kind, obj, marker):
        self.live[side][(kind, obj.pk)] = marker

    @rule(side=SIDES)
    def create_case(self, side):
        w, marker = self.world[side], new_marker(side)
        case = cases.create_case(
            w["organisation"],
            by=w["user"],
            body=w["body"],
            case_number=marker,
            title=f"Ärende {marker}",
        )
        self._remember(side, "case", case, marker)

    @rule(side=SIDES)
    def create_consultation(self, side):
        w, marker = self.world[side], new_marker(side)
        consultation = participation.create_consultation(
            w["organisation"],
            by=w["user"],
            title=f"Dialog {marker}",
            introduction="Vad tycker du?",
            age_bands=["6-12"],
        )
        self._remember(side, "consultation", consultation, marker)

    @rule(side=SIDES)
    def create_policy(self, side):
        w, marker = self.world[side], new_marker(side)
        policy = planning.create_policy(
            w["organisation"], by=w["user"], title=f"Policy {marker}", kind="policy"
        )
        self._remember(side, "policy", policy, marker)

    @rule(side=SIDES)
    def create_plan_with_activity(self, side):
        w, marker = self.world[side], new_marker(side)
        plan = planning.create_plan(
            w["organisation"], by=w["user"], title=f"Plan {marker}", start_year=2026, end_year=2027
        )
        area = planning.add_area(plan, by=w["user"], title=f"Område {marker}")
        goal = planning.add_goal(area, by=w["user"], title=f"Mål {marker}")
        activity = planning.add_activity(
            goal,
            by=w["user"],
            title=f"Aktivitet {marker}",
            responsible_body=w["body"],
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2026, 6, 30),
        )
        self._remember(side, "plan", plan, marker)
        self._remember(side, "activity", activity, new_marker(side))
        planning.update_activity(
            activity, by=w["user"], title=f"Aktivitet {self.live[side][('activity', activity.pk)]}"
        )

    @rule(side=SIDES, data=st.data())
    def rename(self, side, data):
        if not self.live[side]:
            return
        kind, pk = data.draw(st.sampled_from(sorted(self.live[side])))
        w, marker = self.world[side], new_marker(side)
        self.gone[side].add(self.live[side][(kind, pk)])
        if kind == "case":
            cases.update_case(cases.Case.objects.get(pk=pk), by=w["user"], title=f"Nytt {marker}")
        elif kind == "consultation":
            participation.update_consultation(
                participation.Consultation.objects.get(pk=pk), by=w["user"], title=f"Ny {marker}"
            )
        elif kind == "policy":
            planning.update_policy(
                planning.Policy.objects.get(pk=pk), by=w["user"], title=f"Ny {marker}"
            )
        elif kind == "plan":
            planning.update_plan(
                planning.ActionPlan.objects.get(pk=pk), by=w["user"], title=f"Ny {marker}"
            )
        else:
            planning.update_activity(
                planning.Activity.objects.get(pk=pk), by=w["user"], title=f"Ny {marker}"
            )
        self.live[side][(kind, pk)] = marker

    @rule(side=SIDES, data=st.data())
    def delete(self, side, data):
        deletable = sorted(key for key in self.live[side] if key[0] in ("activity", "policy"))
        if not deletable:
            return
        kind, pk = data.draw(st.sampled_from(deletable))
        w = self.world[side]
        if kind == "activity":
            planning.delete_activity(planning.Activity.objects.get(pk=pk), by=w["user"])
        else:
            planning.delete_policy(planning.Policy.objects.get(pk=pk), by=w["user"])
        self.gone[side].add(self.live[side].pop((kind, pk)))

    # The invariant ---------------------------------------------------------------------------

    def pages(self, side):
        client = self.world[side]["client"]
        for name in LISTS.values():
            yield name, client.get(reverse(name))
            yield f"{name} search", client.get(reverse(name), {"q": "MARK"})
        for fmt in ("csv", "xlsx"):
            url = reverse("assessments:case_list_export", kwargs={"fmt": fmt})
            yield url, client.get(url)
        yield "policy csv", client.get(reverse("planning:policy_export", kwargs={"fmt": "csv"}))
        yield "api", self.world[side]["api"].get(reverse("api:case_list"))

    @invariant()
    def neither_sees_the_other(self):
        for side, other in (("a", "b"), ("b", "a")):
            foreign = set(self.live[other].values()) | self.gone[other]
            shown = ""
            for name, response in self.pages(side):
                assert response.status_code == 200, name
                text = text_of(response)
                leaked = [marker for marker in foreign if marker in text]
                assert not leaked, f"{side} sees {leaked} on {name}"
                shown += text
            own_listed = {
                marker for (kind, _pk), marker in self.live[side].items() if kind in LISTS
            }
            assert all(marker in shown for marker in own_listed), "own objects are listed"
            client = self.world[side]["client"]
            for kind, pk in self.live[other]:
                url = reverse(DETAIL[kind], kwargs={"pk": pk})
                assert client.get(url).status_code == 404, f"{side} opens {url}"


def test_two_organisations_never_see_each_other(
    karlskoga, degerfors, social_committee, degerfors_committee, coordinator, outsider
):
    from django.test import Client

    world = {}
    for side, organisation, body, user in (
        ("a", karlskoga, social_committee, coordinator),
        ("b", degerfors, degerfors_committee, outsider),
    ):
        client = Client()
        client.force_login(user)
        _token, key = token_services.create_token(organisation, by=None, name="Diariet")
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        world[side] = {
            "organisation": organisation,
            "body": body,
            "user": user,
            "client": client,
            "api": api,
        }
    TwoOrganisations.world = world
    run_state_machine_as_test(
        TwoOrganisations,
        settings=settings(
            max_examples=6,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
