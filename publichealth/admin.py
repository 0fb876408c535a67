from django.contrib import admin

from .models import PublicHealthPolicy, TargetArea


@admin.register(PublicHealthPolicy)
class PublicHealthPolicyAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "source"]


@admin.register(TargetArea)
class TargetAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "name_sv", "name_en"]
