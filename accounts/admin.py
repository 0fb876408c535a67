from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.admin import AuditedModelAdmin

from .models import OidcProvider, OidcRoleMapping, SsoIdentity, User


class SsoIdentityInline(admin.TabularInline):
    """Links an account to an identity provider (issuer and subject; Entra ID: tid:oid)."""

    model = SsoIdentity
    extra = 0
    fields = ("issuer", "subject", "created_at", "last_login")
    readonly_fields = ("created_at", "last_login")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (None, {"fields": ("title",)}))
    inlines = [SsoIdentityInline]


class OidcProviderForm(forms.ModelForm):
    issuer = forms.URLField(
        label=_("issuer"),
        max_length=300,
        assume_scheme="https",
        help_text=OidcProvider._meta.get_field("issuer").help_text,
    )
    # The secret is never shown again; an empty field keeps the one stored.
    client_secret = forms.CharField(
        label=_("client secret"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=OidcProvider._meta.get_field("client_secret").help_text,
    )

    class Meta:
        model = OidcProvider
        fields = [
            "name",
            "slug",
            "is_active",
            "issuer",
            "client_id",
            "client_secret",
            "scopes",
            "subject_kind",
            "roles_claim",
            "organisations",
            "create_users",
            "link_by_email",
        ]

    def clean_client_secret(self):
        return self.cleaned_data["client_secret"] or self.instance.client_secret


class RoleMappingFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        # The provider's own form is not in reach here; its choice of organisations is.
        served = set(self.data.getlist("organisations"))
        for form in self.forms:
            organisation = form.cleaned_data.get("organisation")
            kept = organisation and not form.cleaned_data.get("DELETE")
            if kept and str(organisation.pk) not in served:
                raise ValidationError(
                    _("A role can only be mapped in an organisation the provider serves.")
                )


class OidcRoleMappingInline(admin.TabularInline):
    model = OidcRoleMapping
    formset = RoleMappingFormSet
    extra = 1
    autocomplete_fields = ("organisation",)


@admin.register(OidcProvider)
class OidcProviderAdmin(AuditedModelAdmin):
    form = OidcProviderForm
    list_display = ("name", "issuer", "subject_kind", "is_active", "changed_at")
    list_filter = ("is_active", "subject_kind")
    search_fields = ("name", "issuer", "client_id")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("organisations",)
    readonly_fields = ("redirect_uri",)
    inlines = [OidcRoleMappingInline]

    @admin.display(description=_("redirect URI to register at the provider"))
    def redirect_uri(self, obj):
        return f"https://<host>/accounts/login/sso/{obj.slug}/callback/" if obj.slug else "–"
