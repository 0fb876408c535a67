"""The people who sign in to Barnrätt. Children never have accounts."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from organisations.roles import Role

# Taken by other sign-in URLs under accounts/login/sso/.
RESERVED_SLUGS = frozenset({"callback"})


class User(AbstractUser):
    """A staff member of an organisation: coordinator, case officer, decision-maker and so on.

    Roles are not stored here but come from memberships (organisations.Membership).
    """

    title = models.CharField(_("job title"), max_length=200, blank=True)
    # Raised when the account is disabled: every session signed with the old value ends.
    session_generation = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self):
        return self.get_full_name() or self.username

    def _get_session_auth_hash(self, secret=None):
        # Django checks this hash on every request and ends a session whose hash differs.
        # Generation 0 gives Django's own hash, so sessions from before this field stay valid.
        if not self.session_generation:
            return super()._get_session_auth_hash(secret=secret)
        return salted_hmac(
            "barnratt.accounts.User.session_auth_hash",
            f"{self.password}:{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class SsoIdentity(models.Model):
    """An account at the municipality's identity provider, linked to a Barnrätt user.

    The provider's issuer and subject identify a person for good; e-mail addresses change.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="sso_identities",
    )
    issuer = models.CharField(_("issuer"), max_length=300)
    subject = models.CharField(_("subject"), max_length=255)
    created_at = models.DateTimeField(_("linked"), auto_now_add=True)
    last_login = models.DateTimeField(_("last sign-in"), null=True, blank=True)

    class Meta:
        verbose_name = _("single sign-on identity")
        verbose_name_plural = _("single sign-on identities")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="unique_sso_identity")
        ]

    def __str__(self):
        return f"{self.issuer} {self.subject}"


class OidcProvider(models.Model):
    """An OpenID Connect provider people sign in with, found from its issuer by discovery.

    One municipality's Entra ID tenant, a regional Keycloak or another provider; it may serve
    several organisations, and its role mappings give roles in them from the ID token's claims.
    """

    class SubjectKind(models.TextChoices):
        SUB = "sub", _("the standard subject (sub)")
        ENTRA = "entra", _("Microsoft Entra ID: tenant and object id (tid:oid)")

    name = models.CharField(
        _("name"), max_length=100, help_text=_("Shown on the sign-in page: “Log in with …”.")
    )
    slug = models.SlugField(
        _("short name"),
        max_length=50,
        unique=True,
        help_text=_("Part of the redirect URI to register at the provider."),
    )
    issuer = models.URLField(
        _("issuer"),
        max_length=300,
        unique=True,
        help_text=_(
            "Exactly as the provider's discovery document names it; the document is fetched "
            "from the issuer followed by /.well-known/openid-configuration."
        ),
    )
    client_id = models.CharField(_("client id"), max_length=255)
    client_secret = models.CharField(
        _("client secret"),
        max_length=500,
        blank=True,
        help_text=_(
            "Leave empty to read it from the environment variable "
            "BARNRATT_OIDC_SECRET_<SHORT NAME> instead."
        ),
    )
    scopes = models.CharField(_("scopes"), max_length=300, default="openid email profile")
    subject_kind = models.CharField(
        _("person identified by"),
        max_length=10,
        choices=SubjectKind.choices,
        default=SubjectKind.SUB,
        help_text=_("Entra ID's sub differs per application; its tid and oid do not."),
    )
    roles_claim = models.CharField(
        _("claim with groups or roles"),
        max_length=100,
        blank=True,
        default="groups",
        help_text=_(
            "The ID token claim whose values the role mappings name: groups or roles in "
            "Entra ID; a dotted path such as realm_access.roles in Keycloak."
        ),
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("organisations served"),
        blank=True,
        related_name="oidc_providers",
        help_text=_("The provider gives roles only in these organisations."),
    )
    create_users = models.BooleanField(
        _("create accounts"),
        default=False,
        help_text=_("A person the provider signs in who has no account here gets one."),
    )
    link_by_email = models.BooleanField(
        _("link by verified e-mail address"),
        default=False,
        help_text=_(
            "A person with no linked identity is linked to the one account with the same "
            "address, if the provider says the address is verified."
        ),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    # The audit log records who changed a provider, never its secret.
    audit_exclude = ("client_secret", "changed_at")

    class Meta:
        verbose_name = _("sign-in provider")
        verbose_name_plural = _("sign-in providers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This short name is taken by another address.")
        if "openid" not in self.scopes.split():
            errors["scopes"] = _("The scopes must include openid.")
        if errors:
            raise ValidationError(errors)

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer.rstrip('/')}/.well-known/openid-configuration"

    @property
    def secret_variable(self) -> str:
        return "BARNRATT_OIDC_SECRET_" + self.slug.upper().replace("-", "_")


class OidcRoleMapping(models.Model):
    """A value of a provider's groups or roles claim that gives a role in an organisation.

    A role that a provider maps in an organisation is the provider's to give and take away:
    at each sign-in, a person holds it there exactly when the claim names a mapped value.
    """

    provider = models.ForeignKey(
        OidcProvider,
        verbose_name=_("sign-in provider"),
        on_delete=models.CASCADE,
        related_name="role_mappings",
    )
    claim_value = models.CharField(
        _("claim value"),
        max_length=255,
        help_text=_(
            "An Entra ID group's object id or an app role's value; a Keycloak group or role."
        ),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("role mapping")
        verbose_name_plural = _("role mappings")
        ordering = ["provider", "organisation", "role", "claim_value"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "claim_value", "organisation", "role"],
                name="unique_oidc_role_mapping",
            )
        ]

    def __str__(self):
        return f"{self.claim_value} → {self.get_role_display()} ({self.organisation})"
