"""Changes to agreements and regulations. Views and the demo call these; each writes its
audit entries in the same transaction through `core.audit`."""

from decimal import Decimal
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import create_object, delete_object, update_object

from .models import Agreement, AgreementParty, Regulation


class Party(NamedTuple):
    """A party as a form or the demo gives it."""

    party: object  # organisations.Organisation
    funding_share: Decimal | int | None = None
    funding_note: str = ""

    def fields(self) -> dict:
        """The row's fields, the share as stored (two decimals), so the log compares alike."""
        share = self.funding_share
        if share is not None:
            share = Decimal(share).quantize(CENT)
        return {"party": self.party, "funding_share": share, "funding_note": self.funding_note}


CENT = Decimal("0.01")


def _check_parties(parties: list[Party]) -> None:
    ids = [p.party.pk for p in parties]
    if len(ids) != len(set(ids)):
        raise ValidationError(_("An organisation is a party only once."))
    if len(parties) < 2:
        raise ValidationError(_("An agreement has at least two parties."))
    total = sum((p.funding_share or 0) for p in parties)
    if total > 100:
        raise ValidationError(
            _("The funding shares add up to %(total)s %%, more than 100 %%.") % {"total": total}
        )


def create_agreement(organisation, *, by, parties, **fields) -> Agreement:
    """Record an agreement with its parties (the recording organisation need not be one)."""
    parties = list(parties)
    _check_parties(parties)
    with transaction.atomic():
        agreement = create_object(Agreement, by=by, organisation=organisation, **fields)
        for party in parties:
            _add_party(agreement, party, by=by)
    return agreement


def _add_party(agreement: Agreement, party: Party, *, by) -> AgreementParty:
    return create_object(
        AgreementParty,
        by=by,
        organisation_id=agreement.organisation_id,
        agreement=agreement,
        **party.fields(),
    )


def update_agreement(agreement: Agreement, *, by, parties=None, **fields) -> Agreement:
    """Change an agreement; `parties`, when given, replaces the list: each party that left,
    joined or whose share changed is its own audit entry."""
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
        agreement = update_object(agreement, by=by, **fields)
        if parties is not None:
            _replace_parties(agreement, list(parties), by=by)
    return agreement


def _replace_parties(agreement: Agreement, parties: list[Party], *, by) -> None:
    _check_parties(parties)
    current = {row.party_id: row for row in AgreementParty.objects.filter(agreement=agreement)}
    wanted = {party.party.pk: party for party in parties}
    for party_id, row in current.items():
        if party_id not in wanted:
            delete_object(row, by=by)
    for party_id, party in wanted.items():
        row = current.get(party_id)
        if row is None:
            _add_party(agreement, party, by=by)
        elif (row.funding_share, row.funding_note) != (party.funding_share, party.funding_note):
            wanted_fields = party.fields()
            del wanted_fields["party"]
            update_object(row, by=by, **wanted_fields)


def delete_agreement(agreement: Agreement, *, by) -> None:
    with transaction.atomic():
        for row in AgreementParty.objects.filter(agreement=agreement):
            delete_object(row, by=by)
        delete_object(agreement, by=by)


def create_regulation(organisation, *, by, **fields) -> Regulation:
    return create_object(Regulation, by=by, organisation=organisation, **fields)


def update_regulation(regulation: Regulation, *, by, **fields) -> Regulation:
    return update_object(regulation, by=by, **fields)


def delete_regulation(regulation: Regulation, *, by) -> None:
    delete_object(regulation, by=by)
