"""The register extract (GDPR article 15): a staff user's account, roles, the records that name
them and their audit entries — by type and id, never a record's content."""

import json

from django.core.management import call_command
from django.urls import reverse

from participation import services as participation_services


def test_the_extract_lists_account_roles_records_and_audit_entries(
    case_officer_client, case_officer, case
):
    page = case_officer_client.get(reverse("accounts:account"))
    assert page.status_code == 200 and reverse("accounts:my_data") in page.content.decode()
    response = case_officer_client.post(reverse("accounts:my_data"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    extract = json.loads(response.content)
    assert extract["account"]["username"] == "case_officer"
    assert {r["role"] for r in extract["roles"]} == {"handläggare"}
    records = extract["records_naming_you"]
    assert {"record_type": "ärende", "as": "ansvarig handläggare", "id": case.pk} in records
    # The case was created by the case officer in the fixture: its audit entry is listed.
    assert any(e["record_id"] == str(case.pk) for e in extract["audit_log_entries_by_you"])
    assert case.title not in response.content.decode()


def test_the_extract_is_only_ever_ones_own_and_needs_a_post(case_officer_client):
    assert case_officer_client.get(reverse("accounts:my_data")).status_code == 405


def test_childrens_words_never_appear(coordinator, karlskoga, capsys):
    consultation = participation_services.create_consultation(
        karlskoga,
        by=coordinator,
        title="Skolgården",
        introduction="Tyck till!",
        age_bands=["6-12"],
        channels=["online"],
    )
    question = participation_services.add_question(
        consultation, by=coordinator, kind="text", text="Vad vill du ha?"
    )
    participation_services.open_consultation(consultation, by=coordinator)
    response, _created = participation_services.submit_response(
        consultation, submission_key="k1", age_band="6-12", answers={question.pk: "Mer gungor"}
    )
    participation_services.moderate(response.answers.get(), by=coordinator, approve=True)
    call_command("register_extract", "coordinator")
    output = capsys.readouterr().out
    assert json.loads(output)["account"]["username"] == "coordinator"
    assert "Mer gungor" not in output
