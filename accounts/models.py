"""The people who sign in to Barnrätt. Children never have accounts."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member of an organisation: coordinator, case officer, decision-maker and so on.

    Roles are not stored here but come from memberships (organisations.Membership).
    """

    title = models.CharField(_("job title"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self):
        return self.get_full_name() or self.username
