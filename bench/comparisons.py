"""Bench data for the network dashboard (comparisons): published feedback to the children for
every other answered consultation, so that the dashboard's participation figures are not all
zero. The partnership of every municipality (`bench.dataset.networks`) is the 290-member network
the dashboard is measured on; its other figures come from the cases, plans, training and
indicator generators."""

from django.utils import timezone

from bench.plan import bulk


def comparisons(data) -> None:
    from participation.models import Consultation, Feedback

    now = timezone.now()
    answered = (
        Consultation.objects.filter(status=Consultation.Status.ANSWERED)
        .order_by("pk")
        .values_list("pk", "organisation_id")
    )
    bulk(
        Feedback,
        [
            Feedback(
                organisation_id=organisation_id,
                consultation_id=pk,
                what_was_decided="Nämnden beslutade att bygga om parken.",
                how_views_counted="Barnens förslag om belysning togs med.",
                why="Barnen sa att parken kändes otrygg på kvällen.",
                published_at=now,
            )
            for number, (pk, organisation_id) in enumerate(answered)
            if number % 2 == 0
        ],
    )
