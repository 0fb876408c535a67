from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import SsoIdentity, User


class SsoIdentityInline(admin.TabularInline):
    """Links an account to the municipality's identity provider (issuer and subject)."""

    model = SsoIdentity
    extra = 0
    fields = ("issuer", "subject", "created_at", "last_login")
    readonly_fields = ("created_at", "last_login")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (None, {"fields": ("title",)}))
    inlines = [SsoIdentityInline]
