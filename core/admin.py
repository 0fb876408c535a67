from django.contrib import admin
from django.db import transaction

from .audit import snapshot, write_entry
from .models import AccessibilityReport, AuditEntry


class AuditedModelAdmin(admin.ModelAdmin):
    """Django admin for tenant-owned models: changes made here land in the audit log too."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = snapshot(type(obj).objects.get(pk=obj.pk)) if change else {}
            super().save_model(request, obj, form, change)
            after = snapshot(obj)
            changes = {
                name: [before.get(name), value]
                for name, value in after.items()
                if before.get(name) != value
            }
            action = AuditEntry.Action.UPDATE if change else AuditEntry.Action.CREATE
            if changes or not change:
                write_entry(obj, by=request.user, action=action, changes=changes, note="admin")

    def delete_model(self, request, obj):
        with transaction.atomic():
            changes = {name: [value, None] for name, value in snapshot(obj).items()}
            write_entry(
                obj, by=request.user, action=AuditEntry.Action.DELETE, changes=changes, note="admin"
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only."""

    list_display = ["created_at", "actor_label", "action", "object_repr", "organisation"]
    list_filter = ["action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessibilityReport)
class AccessibilityReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "page_url", "handled"]
    list_filter = ["handled"]
