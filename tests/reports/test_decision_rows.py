"""The yearly report reads the year's decisions once, for the decisions and the sustainability
sections together, in a number of queries that does not grow with the decisions."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.document import build_document
from tests.reports.conftest import AS_OF, FULL_ANSWERS, decide


def build_queries(report):
    with CaptureQueriesContext(connection) as captured:
        build_document(report, as_of=AS_OF)
    return [query["sql"] for query in captured.captured_queries]


def reads_the_answers_of_decisions(sql):
    """A query that reads the answers of decisions row by row (the grouped counts name the
    column too, to count one answer, but read no rows)."""
    selected, _from, rest = sql.partition(' FROM "assessments_decision"')
    return (
        bool(rest) and '"assessments_assessment"."answers"' in selected and "GROUP BY" not in rest
    )


def test_the_years_decisions_are_read_once(report, cases_2026):
    assert len([sql for sql in build_queries(report) if reads_the_answers_of_decisions(sql)]) == 1


def test_the_report_queries_do_not_grow_with_the_decisions(
    report, cases_2026, karlskoga, social_committee, case_officer, decision_maker, standard_version
):
    before = len(build_queries(report))
    args = (karlskoga, social_committee, case_officer, decision_maker, standard_version)
    for number in range(5, 10):
        decide(*args, f"SN {number}", answers=FULL_ANSWERS, decided_on=datetime.date(2026, 6, 1))
    assert len(build_queries(report)) == before
    figures = build_document(report, as_of=AS_OF)["figures"]["decisions"]["total"]
    assert figures["decided"] == 8
    assert figures["full_assessment"] == 7
