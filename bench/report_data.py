"""The yearly reports of the synthetic dataset (issue 7): a draft report for the bench
organisation (the largest municipality: about 15 000 of its 20 000 cases are decided in the
report's year), one for the neighbour it shares a joint committee with, and the committee's
joint report for both. `bench.pages.EXPORTS` measures their staff page, PDF and DOCX; the joint
report should cost no more than the two reports of its organisations together.

Run by `bench.dataset` as the generator `reports`, after the other generators, so that every
section has its records."""

from bench.plan import BENCH_USERNAME, Dataset

REPORT_YEAR = 2026
# The bench organisation's joint body that serves one neighbour (bench.plan's
# MUNICIPALITY_BODIES): its report covers exactly two organisations.
JOINT_BODY_NAME = "Gemensamma överförmyndarnämnden"


def reports(data: Dataset) -> None:
    from django.contrib.auth import get_user_model

    from reports import services

    author = get_user_model().objects.get(username=BENCH_USERNAME)
    home = data.bench_organisation
    joint = joint_body(home)
    services.create_report(home, by=author, year=REPORT_YEAR)
    services.create_report(neighbour_of(joint, home), by=author, year=REPORT_YEAR)
    services.create_report(home, by=author, year=REPORT_YEAR, body=joint)


def joint_body(home):
    from organisations.models import Body

    return Body.objects.get(organisation=home, name=JOINT_BODY_NAME)


def neighbour_of(joint, home):
    return joint.served_organisations.exclude(pk=home.pk).get()


def report_ids(home) -> dict:
    """The three reports' ids for the page paths (see `bench.inventory.discover_ids`)."""
    from reports.models import Report

    joint = joint_body(home)
    neighbour = neighbour_of(joint, home)
    drafts = Report.objects.filter(year=REPORT_YEAR)
    return {
        "report": drafts.get(organisation=home, body=None).pk,
        "neighbour_report": drafts.get(organisation=neighbour, body=None).pk,
        "joint_report": drafts.get(organisation=home, body=joint).pk,
    }
