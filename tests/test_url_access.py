"""Every URL pattern has an access expectation for every persona.

A new URL without a row in EXPECTATIONS makes `test_every_url_has_an_expectation` fail, so access
is decided when a page is added, not after. Objects belong to Karlskoga: the outsider (a coordinator
in Degerfors) must get 404 for them, as for something that does not exist.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PERSONAS = ("anonymous", "coordinator", "case_officer", "outsider")
LOGIN = "login"  # anonymous users are sent to the login page

# url name -> (kwargs builder key, {persona: expected status})
EXPECTATIONS = {
    "accounts:account": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    # POST only: the download is a form's button.
    "accounts:my_data": (
        None,
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    # The second step of signing in: without a password given first, back to the login page.
    "accounts:login_code": (
        None,
        {"anonymous": LOGIN, "coordinator": 302, "case_officer": 302, "outsider": 302},
    ),
    # POST only: a button makes or renews the calendar address.
    "accounts:calendar_address": (
        None,
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    # The secret in the address is the access (calendar apps cannot sign in): whoever has it
    # reads the case officer's dates; tests/test_notifications.py checks an unknown one is 404.
    "home:calendar_feed": ("calendar_token", dict.fromkeys(PERSONAS, 200)),
    # Single sign-on: a provider not in use answers 404 (tests/accounts/test_sso*.py run the
    # sign-in against providers on 127.0.0.1).
    "accounts:sso_start": ("sso_provider", dict.fromkeys(PERSONAS, 404)),
    "accounts:sso_callback": ("sso_provider", dict.fromkeys(PERSONAS, 404)),
    # Confirmation page on GET; an organisation's managers disable a person working there.
    "accounts:disable_account": (
        "person",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "accounts:two_factor": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    # POST only: buttons.
    "accounts:two_factor_start": (
        None,
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "accounts:two_factor_disable": (
        None,
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    # Without an enrolment under way or a device: back to the two-factor page.
    "accounts:two_factor_setup": (
        None,
        {"anonymous": LOGIN, "coordinator": 302, "case_officer": 302, "outsider": 302},
    ),
    "accounts:two_factor_verify": (
        None,
        {"anonymous": LOGIN, "coordinator": 302, "case_officer": 302, "outsider": 302},
    ),
    "operations:healthz": (
        None,
        dict.fromkeys(("anonymous", "coordinator", "case_officer", "outsider"), 200),
    ),
    "operations:readyz": (
        None,
        dict.fromkeys(("anonymous", "coordinator", "case_officer", "outsider"), 200),
    ),
    "home:home": (
        None,
        {"anonymous": 200, "coordinator": 302, "case_officer": 302, "outsider": 302},
    ),
    "home:start": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "home:accessibility": (
        None,
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    # A job's state: the organisation's people, as they see what jobs make (core/jobs.py).
    "core:job_status": (
        "job",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "home:history": (
        "history",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "accounts:login": (
        None,
        {"anonymous": 200, "coordinator": 302, "case_officer": 302, "outsider": 302},
    ),
    "accounts:logout": (
        None,
        {"anonymous": 405, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "accounts:password_change": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "accounts:password_reset_confirm": (
        "reset",
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "accounts:password_set_done": (
        None,
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "set_language": (
        None,
        {"anonymous": 302, "coordinator": 302, "case_officer": 302, "outsider": 302},
    ),
    "convention:articles": (
        None,
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "convention:article": (
        "article",
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "publichealth:target_areas": (None, dict.fromkeys(PERSONAS, 200)),
    "publichealth:target_area": ("target_area", dict.fromkeys(PERSONAS, 200)),
    # Agreements and regulations: every party and member reads them; managers change them.
    "agreements:agreement_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "agreements:agreement_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "agreements:agreement_detail": (
        "cooperation_agreement",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "agreements:agreement_edit": (
        "cooperation_agreement",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "agreements:agreement_delete": (
        "cooperation_agreement",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "agreements:regulation_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "agreements:regulation_detail": (
        "regulation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "agreements:regulation_edit": (
        "regulation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "agreements:regulation_delete": (
        "regulation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "organisations:list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "organisations:detail": (
        "organisation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "organisations:edit": (
        "organisation",
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 404},
    ),
    "organisations:population_add": (
        "organisation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "organisations:population_delete": (
        "fact",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "organisations:population_by_age_add": (
        "organisation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "organisations:population_by_age_delete": (
        "population_by_age",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "organisations:body_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:network_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    # Platform administrators (superusers) only; tests/test_onboarding.py signs one in.
    "organisations:onboard": (
        None,
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 403},
    ),
    "organisations:people": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "organisations:add_person": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "organisations:membership_edit": (
        "membership",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "organisations:membership_delete": (
        "membership",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "organisations:body_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "organisations:body_detail": (
        "body",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "organisations:body_edit": (
        "body",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "organisations:body_delete": (
        "body",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:network_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "networks:network_detail": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    # The network dashboard: for the network's members only.
    "networks:network_dashboard": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "networks:network_dashboard_export": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "networks:network_edit": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:network_delete": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "assessments:case_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "assessments:case_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "assessments:case_detail": (
        "case",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "assessments:case_edit": (
        "case",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "assessments:assessment_start": (
        "new_case",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "assessments:assessment_edit": (
        "case",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "assessments:assessment_print": (
        "case",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "assessments:regenerate_summary": (
        "case",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "assessments:review": (
        "case",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "assessments:decide": (
        "case",
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 404},
    ),
    "assessments:follow_up": (
        "decided_case",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "assessments:template_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "assessments:template_detail": (
        "template",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "assessments:case_list_export": (
        "csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "assessments:assessment_download": (
        "case_docx",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "assessments:template_copy": (
        "template",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "assessments:template_new_draft": (
        "own_template",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "assessments:version_edit": (
        "own_version",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "assessments:question_edit": (
        "own_question",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    # The API authenticates by organisation token only: a browser session is not enough.
    "api:schema": (
        None,
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "api:case_list": (
        None,
        {"anonymous": 401, "coordinator": 401, "case_officer": 401, "outsider": 401},
    ),
    "api:case_detail": (
        "case",
        {"anonymous": 401, "coordinator": 401, "case_officer": 401, "outsider": 401},
    ),
    "api:assessment": (
        "case",
        {"anonymous": 401, "coordinator": 401, "case_officer": 401, "outsider": 401},
    ),
    "api:assessment_pdf": (
        "case",
        {"anonymous": 401, "coordinator": 401, "case_officer": 401, "outsider": 401},
    ),
    "api:assessment_docx": (
        "case",
        {"anonymous": 401, "coordinator": 401, "case_officer": 401, "outsider": 401},
    ),
    "api:case_upsert": (
        "external",
        {"anonymous": 401, "coordinator": 401, "case_officer": 401, "outsider": 401},
    ),
    # Any other path under /api/v1/: JSON 404 with a token, 401 without (issue 23).
    "api:not_found": (None, dict.fromkeys(PERSONAS, 401)),
    # Retention rules: coordinators read them; only the organisation's administrator changes.
    "archive:rules": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    # Archive packages: coordinators see what was delivered; the administrator makes them.
    "archive:archive_export": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    # A package made on the page, for those who see the packages.
    "archive:export_download": (
        "archive_package",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "archive:rule_edit": (
        "retention_rule",
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 404},
    ),
    "archive:rule_delete": (
        "retention_rule",
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 404},
    ),
    "api_pages:tokens": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 404},
    ),
    "assessments:autosave": (
        "case",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "assessments:attachment_add": (
        "case",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "assessments:attachment_download": (
        "attachment",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "assessments:attachment_delete": (
        "attachment",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "api_pages:revoke": (
        "token",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "participation:child_start": (None, dict.fromkeys(PERSONAS, 200)),
    "participation:child_page": ("child_code", dict.fromkeys(PERSONAS, 200)),
    "participation:child_page_en": ("child_code", dict.fromkeys(PERSONAS, 200)),
    "participation:child_thanks": ("child_code", dict.fromkeys(PERSONAS, 200)),
    "participation:consultation_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "participation:consultation_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "participation:settings": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "participation:consultation_detail": (
        "consultation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "participation:consultation_edit": (
        "consultation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "participation:consultation_status": (
        "consultation_close",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "participation:question_add": (
        "consultation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "participation:question_edit": (
        "question",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "participation:question_delete": (
        "question",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "participation:question_move": (
        "question",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "participation:qr": (
        "consultation_png",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "participation:poster": (
        "consultation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "participation:class_codes": (
        "consultation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "participation:voice_add": (
        "consultation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "participation:voice_delete": (
        "voice",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "participation:feedback_edit": (
        "consultation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    # Who was heard in a year: everyone in the organisation reads it (the consultations they see).
    "participation:who_was_heard": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "participation:results": (
        "consultation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "participation:results_export": (
        "consultation_csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "participation:moderation": (
        "consultation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "participation:moderate": (
        "answer",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "participation:release_flood": (
        "consultation",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    # The youth forum: members (contact details) only for those who run it; the committee's
    # side (coordinators, decision-makers) records answers.
    "youthforum:forum_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "youthforum:forum_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:forum_detail": (
        "forum",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "youthforum:forum_edit": (
        "forum",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:member_list": (
        "forum",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:member_add": (
        "forum",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:member_edit": (
        "forum_member",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:member_end": (
        "forum_member",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:meeting_create": (
        "forum",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:meeting_detail": (
        "forum_meeting",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "youthforum:meeting_edit": (
        "forum_meeting",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:matter_create": (
        "forum",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:matter_edit": (
        "forum_matter",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:matter_status": (
        "forum_matter",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "youthforum:proposal_create": (
        "forum",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:meeting_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "youthforum:proposal_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "youthforum:proposals_waiting": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "youthforum:proposal_detail": (
        "forum_proposal",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "youthforum:proposal_answer": (
        "forum_proposal",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "youthforum:proposal_withdraw": (
        "forum_proposal",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "planning:policy_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "planning:policy_export": (
        "csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "planning:policy_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:policy_detail": (
        "policy",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:policy_edit": (
        "policy",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:policy_delete": (
        "policy",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "planning:policy_file": (
        "policy",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:plan_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "planning:plan_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:plan_detail": (
        "plan",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:plan_edit": (
        "plan",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:plan_export": (
        "plan_csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:area_create": (
        "plan",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:area_edit": (
        "plan_area",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:goal_create": (
        "plan_area",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:goal_edit": (
        "plan_goal",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:activity_create": (
        "plan_goal",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:activity_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "planning:activity_detail": (
        "plan_activity",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:activity_edit": (
        "plan_activity",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:followup_create": (
        "plan_activity",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:followup_edit": (
        "plan_follow_up",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:area_delete": (
        "plan_area",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:goal_delete": (
        "plan_goal",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:activity_delete": (
        "plan_activity",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:followup_delete": (
        "plan_follow_up",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:selfassessment_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "planning:selfassessment_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:selfassessment_detail": (
        "self_assessment",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:selfassessment_edit": (
        "self_assessment",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:selfassessment_export": (
        "self_assessment_csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:childfriendly_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "planning:childfriendly_export": (
        "csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "planning:childfriendly_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:childfriendly_detail": (
        "agreement",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:childfriendly_edit": (
        "agreement",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:childfriendly_file": (
        "agreement",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "planning:childfriendly_step_edit": (
        "agreement_step",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "planning:childfriendly_step_file": (
        "agreement_step",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "indicators:indicator_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    # The shared catalogue is kept by coordinators of any organisation (decision 0009).
    "indicators:indicator_create": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 200},
    ),
    "indicators:template_example": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "indicators:indicator_detail": (
        "indicator",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "indicators:indicator_edit": (
        "indicator",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 200},
    ),
    "indicators:indicator_history": (
        "indicator",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 200},
    ),
    "indicators:conditions": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "indicators:health_equity": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "indicators:comparison": (
        "org_indicator",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "indicators:comparison_export": (
        "org_indicator",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "indicators:import": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "indicators:import_progress": (
        "import_progress",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "indicators:cite": (
        "case_pk",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "indicators:uncite": (
        "citation",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "training:session_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "training:session_export": (
        "csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "training:session_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "training:session_detail": (
        "training_session",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "training:session_edit": (
        "training_session",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "training:session_delete": (
        "training_session",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "training:material_add": (
        "training_session",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "training:material_file": (
        "training_material",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "training:material_delete": (
        "training_material",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "training:coverage": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "training:coverage_export": (
        "coverage_csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "training:headcounts": (
        "headcounts",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "childbudget:budget_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "childbudget:budget_export": (
        "csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "childbudget:import_example": (
        "csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "childbudget:budget_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "childbudget:budget_import": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "childbudget:budget_detail": (
        "child_budget",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "childbudget:budget_edit": (
        "child_budget",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "childbudget:budget_delete": (
        "child_budget",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "childbudget:budget_marks": (
        "child_budget",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "childbudget:lines_export": (
        "child_budget_csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "reports:report_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "reports:report_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "reports:report_detail": (
        "report",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "reports:report_edit": (
        "report",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "reports:own_section_create": (
        "report",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "reports:own_section_edit": (
        "own_section",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "reports:own_section_delete": (
        "own_section",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "reports:report_transition": (
        "report_approve",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "reports:report_preview_export": (
        "report_csv",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    # Published versions are public.
    "reports:public_index": (
        None,
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "reports:public_report": (
        "published_report",
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    # The year told to children, public like the report; the children's pages link to it by
    # their organisation (a redirect to the newest published year).
    "reports:public_child_version": (
        "published_report",
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "reports:public_child_version_for": (
        "organisation_of_reports",
        {"anonymous": 302, "coordinator": 302, "case_officer": 302, "outsider": 302},
    ),
    "reports:public_version": (
        "published_version",
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "reports:public_export": (
        "published_csv",
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "reports:data_package": (
        "published_version",
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "reports:dcat_catalogue": (
        "published_dcat",
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    # Networks: the outsider's Degerfors is not a member of Karlskoga's network. Meetings and
    # shared items are read by every member; conveners' and sharers' managers change them.
    "networks:meeting_create": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:meeting_detail": (
        "network_meeting",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "networks:meeting_edit": (
        "network_meeting",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:meeting_delete": (
        "network_meeting",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    # A meeting's documents: kept by the convener's managers, downloaded by every member.
    "networks:meeting_document_add": (
        "network_meeting",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:meeting_document": (
        "meeting_document",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "networks:meeting_document_delete": (
        "meeting_document",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    # Repeating meetings, attendance and partners who are not users: kept like the meetings.
    "networks:series_create": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:series_detail": (
        "meeting_series",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "networks:series_delete": (
        "meeting_series",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:meeting_attendance": (
        "network_meeting",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:partner_add": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:partner_edit": (
        "network_partner",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:partner_delete": (
        "network_partner",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:contact_add": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:contact_delete": (
        "network_contact",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:plan_create": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:share": (
        "network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "networks:shared_item": (
        "shared_item",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "networks:unshare": (
        "shared_item",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    # An organisation's own template is shared from its page by those who manage it.
    "networks:share_template": (
        "own_template",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    # POST only: the copy is a form's button on the shared template's page.
    "networks:copy_shared_template": (
        "shared_item",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "networks:share_comparison": (
        "org_indicator",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    # The knowledge bank: Karlskoga's network example is not the outsider's (no shared
    # network); the public pages show only public examples, to anyone.
    "knowledge:example_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "knowledge:example_create": (
        "organisation_pk",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "knowledge:example_detail": (
        "example",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "knowledge:example_edit": (
        "example",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "knowledge:example_delete": (
        "example",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "knowledge:public_list": (
        None,
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "knowledge:public_detail": (
        "public_example",
        {"anonymous": 200, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    # Peer review: a review of Karlskoga by Haninge in a partnership Karlskoga convenes and
    # Degerfors (the outsider) is not in. Karlskoga's coordinator (the convener's and the
    # reviewed side's) changes the plan and answers; only the reviewing side records findings.
    "peerreview:review_list": (
        None,
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 200},
    ),
    "peerreview:review_create": (
        "peer_network",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "peerreview:review_detail": (
        "peer_review",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "peerreview:review_edit": (
        "peer_review",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "peerreview:review_start": (
        "peer_review",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "peerreview:interview_add": (
        "peer_review",
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 404},
    ),
    "peerreview:document_add": (
        "peer_review",
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 404},
    ),
    "peerreview:finding_edit": (
        "peer_factor",
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 404},
    ),
    "peerreview:recommendation_add": (
        "peer_factor",
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 404},
    ),
    "peerreview:review_report": (
        "peer_review",
        {"anonymous": LOGIN, "coordinator": 403, "case_officer": 403, "outsider": 404},
    ),
    "peerreview:part_delete": (
        "peer_part",
        {"anonymous": LOGIN, "coordinator": 405, "case_officer": 405, "outsider": 405},
    ),
    "peerreview:review_download": (
        "peer_pdf",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 200, "outsider": 404},
    ),
    "peerreview:recommendation_answer": (
        "peer_recommendation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
    "peerreview:recommendation_activity": (
        "peer_recommendation",
        {"anonymous": LOGIN, "coordinator": 200, "case_officer": 403, "outsider": 404},
    ),
}

# Django's admin guards itself (staff only); one test below checks that it does.
EXEMPT_NAMESPACES = {"admin"}


def all_url_names(patterns=None, namespace=""):
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace in EXEMPT_NAMESPACES:
                continue
            names |= all_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_has_an_expectation():
    missing = all_url_names() - set(EXPECTATIONS)
    assert not missing, f"URLs without an access expectation: {sorted(missing)}"


def test_no_expectation_for_a_url_that_is_gone():
    assert set(EXPECTATIONS) <= all_url_names()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_url_answers_as_expected(url_world, db, client, name, persona):
    kwargs_key, expected_by_persona = EXPECTATIONS[name]
    if persona != "anonymous":
        client.force_login(url_world.users[persona])
    url = reverse(name, kwargs=url_world.kwargs[kwargs_key])
    response = client.get(url)
    expected = expected_by_persona[persona]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected, f"{persona} GET {url}"


@pytest.mark.parametrize("persona", ["anonymous", "coordinator"])
def test_admin_is_for_staff_only(url_world, db, client, persona):
    if persona != "anonymous":
        client.force_login(url_world.users[persona])
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
