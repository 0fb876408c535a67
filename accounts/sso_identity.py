"""Whom a provider's checked ID token names here, and the roles its claims give.

A person is the identity (issuer, subject): the standard `sub`, or Entra ID's `tid:oid`
(`sub` there differs per application). An identity not yet linked may be linked by a verified
e-mail address or get a new account, each only if the provider allows it. A provider with role
mappings gives and takes away the roles it maps, in the organisations it serves, at every
sign-in; a person it gives no role, and who holds none, is refused.
"""

import re

from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string

from operations.security import record
from organisations.models import Membership, Organisation
from organisations.services import add_member, remove_membership

from .models import OidcProvider, SsoIdentity
from .oidc import claim_values, subject_of

USERNAME_MAX = 150


class SsoRefused(SuspiciousOperation):
    """The provider's answer was valid but names no one who may sign in here."""


def sign_in(provider: OidcProvider, claims: dict, *, request, more_claims=dict):
    """The user the claims name, with their roles brought up to date; else SsoRefused.

    `more_claims` is called (for the userinfo endpoint) only when an identity is new.
    """
    issuer, subject = claims["iss"], subject_of(provider, claims)
    mappings = list(provider.role_mappings.filter(organisation__in=provider.organisations.all()))
    manages_roles = bool(mappings)
    values = claim_values(provider, claims)
    if manages_roles and values is None:
        raise SsoRefused("the provider left out the groups claim (too many groups)")
    wanted = {(m.organisation_id, m.role) for m in mappings if m.claim_value in (values or ())}
    with transaction.atomic():
        identity, how = _linked_identity(provider, issuer, subject, claims)
        if identity is None:
            if manages_roles and not wanted:
                raise SsoRefused("no role mapped for this person")
            user, how = _match_or_create(provider, {**more_claims(), **claims})
            # Two sign-ins at once for a new identity: the first link wins.
            identity, _created = SsoIdentity.objects.get_or_create(
                issuer=issuer, subject=subject, defaults={"user": user}
            )
        user = identity.user
        if not user.is_active:
            raise SsoRefused("account disabled")
        if manages_roles:
            _bring_roles_up_to_date(provider, user, mappings, wanted, request=request)
        identity.last_login = timezone.now()
        identity.save(update_fields=["last_login"])
    # Outside the transaction: the roles taken away above stay taken away.
    if manages_roles and not user.is_superuser and not user.memberships.exists():
        raise SsoRefused("no role mapped for this person")
    record("sso_login", user=user, request=request, issuer=issuer, matched_by=how)
    return user


def _linked_identity(provider, issuer, subject, claims):
    identities = SsoIdentity.objects.select_related("user").select_for_update()
    identity = identities.filter(issuer=issuer, subject=subject).first()
    if identity is not None:
        return identity, "linked"
    if provider.subject_kind == OidcProvider.SubjectKind.ENTRA:
        # Linked before by Entra's per-application `sub` (the one-provider sign-in did so):
        # the identity moves to tid:oid, which every later sign-in then finds.
        identity = identities.filter(issuer=issuer, subject=claims["sub"]).first()
        if identity is not None:
            identity.subject = subject
            identity.save(update_fields=["subject"])
            return identity, "sub_moved_to_tid_oid"
    return None, ""


def _match_or_create(provider, claims):
    user_model = get_user_model()
    email = str(claims.get("email") or "").strip()
    verified = claims.get("email_verified") is True or claims.get("xms_edov") is True
    if provider.link_by_email and email and verified:
        matches = list(user_model.objects.filter(email__iexact=email)[:2])
        if len(matches) == 1:
            return matches[0], "email"
        if len(matches) > 1:
            raise SsoRefused("several accounts have this e-mail address")
    if provider.create_users:
        user = user_model.objects.create_user(
            username=_free_username(claims.get("preferred_username") or email),
            email=email if verified else "",
            first_name=str(claims.get("given_name") or "")[:150],
            last_name=str(claims.get("family_name") or "")[:150],
        )
        return user, "created"
    raise SsoRefused("no account is linked to this identity")


def _free_username(wanted) -> str:
    """The provider's name for the person (Entra: the UPN), made unique here."""
    base = re.sub(r"[^\w.@+-]", "", str(wanted or ""))[: USERNAME_MAX - 4]
    if not base:
        return f"sso-{get_random_string(12).lower()}"
    taken = get_user_model().objects.filter(username__istartswith=base)
    taken = {name.lower() for name in taken.values_list("username", flat=True)}
    candidate, number = base, 2
    while candidate.lower() in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _bring_roles_up_to_date(provider, user, mappings, wanted, *, request):
    managed = {(m.organisation_id, m.role) for m in mappings}
    held = {
        (m.organisation_id, m.role): m
        for m in Membership.objects.filter(
            user=user,
            body__isnull=True,
            organisation_id__in={org for org, _role in managed},
            role__in={role for _org, role in managed},
        )
        if (m.organisation_id, m.role) in managed
    }
    by = f"{provider.name} (OpenID Connect)"
    organisations = Organisation.objects.in_bulk({org for org, _role in wanted - held.keys()})
    added, removed = [], []
    for org, role in sorted(wanted - held.keys()):
        add_member(organisations[org], by=by, user=user, role=role)
        added.append(f"{org}:{role}")
    for pair in sorted(held.keys() - wanted):
        try:
            remove_membership(held[pair], by=by)
        except ValidationError:
            continue  # the organisation's last admin stays one until someone else is
        removed.append(f"{pair[0]}:{pair[1]}")
    if added or removed:
        record("sso_roles", user=user, request=request, added=added, removed=removed)
