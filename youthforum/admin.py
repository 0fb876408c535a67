from django.contrib import admin

from core.admin import AuditedModelAdmin

from .models import Forum, ForumMatter, ForumProposal


@admin.register(Forum)
class ForumAdmin(AuditedModelAdmin):
    list_display = ["name", "organisation", "body", "active"]


@admin.register(ForumMatter)
class ForumMatterAdmin(AuditedModelAdmin):
    list_display = ["title", "forum", "status"]


@admin.register(ForumProposal)
class ForumProposalAdmin(AuditedModelAdmin):
    list_display = ["title", "forum", "committee", "status"]


# Members and meetings are not in the admin on purpose: contact details are managed only through
# the services, which erase them when a membership ends, and agenda and minutes are shown as HTML
# that only the services clean.
