from django.contrib import admin

from core.admin import AuditedModelAdmin

from .models import Body, Membership, Organisation, PopulationByAge, PopulationFact


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    list_display = ["name", "kind", "scb_code", "organisation_number"]
    list_filter = ["kind"]
    search_fields = ["name", "scb_code", "organisation_number"]


@admin.register(Body)
class BodyAdmin(AuditedModelAdmin):
    list_display = ["name", "kind", "organisation"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Membership)
class MembershipAdmin(AuditedModelAdmin):
    list_display = ["user", "role", "organisation", "body"]
    list_filter = ["role"]


admin.site.register(PopulationFact, AuditedModelAdmin)
admin.site.register(PopulationByAge, AuditedModelAdmin)
