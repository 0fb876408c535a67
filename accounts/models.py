"""The people who sign in to Barnrätt. Children never have accounts."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class Notify(models.TextChoices):
    """How a person hears what waits for them (core/notify.py)."""

    IMMEDIATELY = "immediately", _("at once, one e-mail for each thing")
    DAILY = "daily", _("once a day, a summary")
    NEVER = "never", _("never: I look at my start page")


class User(AbstractUser):
    """A staff member of an organisation: coordinator, case officer, decision-maker and so on.

    Roles are not stored here but come from memberships (organisations.Membership).
    """

    title = models.CharField(_("job title"), max_length=200, blank=True)
    # Raised when the account is disabled: every session signed with the old value ends.
    session_generation = models.PositiveIntegerField(default=0, editable=False)
    notify_by_email = models.CharField(
        _("tell me by e-mail"),
        max_length=12,
        choices=Notify.choices,
        default=Notify.IMMEDIATELY,
        db_default=Notify.IMMEDIATELY,
    )
    # The secret in the address of the person's calendar feed (home/calendar.py); a new one
    # ends the old address.
    calendar_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    # The feed's secret is a password of sorts: the log says it was renewed, never its value.
    audit_exclude = ("calendar_token",)

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
