"""State changes for organisations, bodies and memberships.

Views, management commands and (later) the API call these; each writes its audit entry in the
same transaction through `core.audit`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from core.audit import create_object, delete_object, update_object

from .models import Body, Membership, Organisation, PopulationByAge, PopulationFact, ScbArea
from .roles import Role


def create_organisation(*, by, **fields) -> Organisation:
    return create_object(Organisation, by=by, **fields)


def update_organisation(organisation: Organisation, *, by, **fields) -> Organisation:
    return update_object(organisation, by=by, **fields)


def add_population_fact(organisation: Organisation, *, by, **fields) -> PopulationFact:
    return create_object(PopulationFact, by=by, organisation=organisation, **fields)


def delete_population_fact(fact: PopulationFact, *, by) -> None:
    delete_object(fact, by=by)


def add_population_by_age(organisation: Organisation, *, by, **fields) -> PopulationByAge:
    return create_object(PopulationByAge, by=by, organisation=organisation, **fields)


def delete_population_by_age(row: PopulationByAge, *, by) -> None:
    delete_object(row, by=by)


def create_body(organisation: Organisation, *, by, served_organisations=(), **fields) -> Body:
    served = [org for org in served_organisations if org.pk != organisation.pk]
    return create_object(
        Body, by=by, organisation=organisation, m2m={"served_organisations": served}, **fields
    )


def update_body(body: Body, *, by, served_organisations=None, **fields) -> Body:
    m2m = {}
    if served_organisations is not None:
        m2m["served_organisations"] = [
            org for org in served_organisations if org.pk != body.organisation_id
        ]
    return update_object(body, by=by, m2m=m2m, **fields)


def delete_body(body: Body, *, by) -> None:
    delete_object(body, by=by)


def find_or_create_person(*, by, username, email="", first_name="", last_name="", title=""):
    """An existing account by user name, or a new one without a password."""
    User = get_user_model()
    user = User.objects.filter(username__iexact=username).first()
    if user is not None:
        return user, False
    user = User(
        username=username, email=email, first_name=first_name, last_name=last_name, title=title
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user, True


def add_member(organisation: Organisation, *, by, user, role, body=None) -> Membership:
    """Give a person a role in the organisation (or on one of its bodies)."""
    duplicate = Membership.objects.filter(
        user=user, organisation=organisation, body=body, role=role
    )
    if duplicate.exists():
        raise ValidationError(_("This person already has that role there."))
    return create_object(
        Membership, by=by, organisation=organisation, user=user, body=body, role=role
    )


def onboard_organisation(area: ScbArea, *, by, name="", admin: dict):
    """A municipality or region from SCB's register, with its first organisation admin.

    `admin` holds the admin's username and, for a new account, names and e-mail. Returns the
    organisation, the admin and whether the account is new (then it needs an invitation).
    """
    if not by.is_superuser:
        raise ValidationError(_("Only a platform administrator can add an organisation."))
    if Organisation.objects.filter(scb_code=area.code).exists():
        raise ValidationError(_("An organisation with this SCB code already exists."))
    with transaction.atomic():
        organisation = create_organisation(
            by=by, name=name or area.default_organisation_name, kind=area.kind, scb_code=area.code
        )
        user, created = find_or_create_person(by=by, **admin)
        add_member(organisation, by=by, user=user, role=Role.ORG_ADMIN)
    return organisation, user, created


def invite_by_email(user, *, request) -> bool:
    """Send a choose-your-password link if e-mail is configured. Returns whether it was sent.

    Django's password-reset form skips accounts without a usable password, which is exactly
    what a new person has, so the link is built here with the same token generator.
    """
    if not settings.EMAIL_CONFIGURED or not user.email:
        return False
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = request.build_absolute_uri(reverse("accounts:password_reset_confirm", args=[uid, token]))
    body = render_to_string("registration/invitation_email.txt", {"user": user, "link": link})
    send_mail(_("Your account in Barnrätt"), body, None, [user.email])
    return True


def change_membership(membership: Membership, *, by, role, body=None) -> Membership:
    with transaction.atomic():
        if membership.role == Role.ORG_ADMIN and role != Role.ORG_ADMIN:
            _refuse_removing_last_admin(membership)
        return update_object(membership, by=by, role=role, body=body)


def remove_membership(membership: Membership, *, by) -> None:
    with transaction.atomic():
        if membership.role == Role.ORG_ADMIN:
            _refuse_removing_last_admin(membership)
        delete_object(membership, by=by)


def _refuse_removing_last_admin(membership: Membership) -> None:
    others = Membership.objects.filter(
        organisation_id=membership.organisation_id, role=Role.ORG_ADMIN, body__isnull=True
    ).exclude(pk=membership.pk)
    if membership.body_id is None and not others.exists():
        raise ValidationError(_("An organisation must keep at least one organisation admin."))
