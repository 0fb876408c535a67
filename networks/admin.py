from django.contrib import admin

from core.admin import AuditedModelAdmin

from .models import Network


@admin.register(Network)
class NetworkAdmin(AuditedModelAdmin):
    list_display = ["name", "kind", "organisation"]
