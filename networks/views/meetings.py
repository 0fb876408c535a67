"""A network's meetings (kept by the convening organisation), contact persons (named by each
member) and its joint plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.deletion import confirm_delete
from core.transitions import run_transition
from core.views.forms import form_page, render_form, service_page
from core.views.generic import edit_view
from organisations.access import can, can_on, get_for_user, require
from planning.forms import PlanForm

from .. import services
from ..forms import ContactForm, MeetingDocumentForm, MeetingForm
from ..models import MeetingDocument, NetworkContact, NetworkMeeting
from .helpers import acting_organisations, network_for


def meeting_for(request, pk, action="view") -> NetworkMeeting:
    return get_for_user(
        NetworkMeeting.objects.select_related("network", "organisation"),
        request.user,
        action,
        pk=pk,
    )


@login_required
def meeting_detail(request, pk):
    meeting = meeting_for(request, pk)
    context = {
        "meeting": meeting,
        "network": meeting.network,
        "can_change": can_on(request.user, "change", meeting),
        "can_delete": can_on(request.user, "delete", meeting),
        "documents": meeting.documents.all(),
        "can_add_document": can(request.user, "add", "meetingdocument", meeting.organisation_id),
        "can_delete_document": can(
            request.user, "delete", "meetingdocument", meeting.organisation_id
        ),
    }
    return render(request, "networks/meeting_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, pk):
    network = network_for(request, pk)
    require(request.user, "add", "networkmeeting", network.organisation_id)
    return service_page(
        request,
        network,
        MeetingForm,
        services.create_meeting,
        _("The meeting was added."),
        title=_("New meeting of %(network)s") % {"network": network},
    )


meeting_edit = edit_view(
    meeting_for, MeetingForm, services.update_meeting, gettext_lazy("The meeting was saved.")
)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_delete(request, pk):
    meeting = meeting_for(request, pk, "delete")
    url = meeting.network.get_absolute_url()
    return confirm_delete(
        request,
        meeting,
        service=services.delete_meeting,
        success_url=url,
        consequences=[
            _("The document “%(title)s”") % {"title": document.title}
            for document in meeting.documents.all()
        ],
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_document_add(request, pk):
    """Attach an agenda, notes or another document to the meeting (checked like every upload)."""
    meeting = meeting_for(request, pk)
    require(request.user, "add", "meetingdocument", meeting.organisation_id)
    return form_page(
        request,
        MeetingDocumentForm(request.POST or None, request.FILES or None),
        title=_("New document for %(meeting)s") % {"meeting": meeting},
        back=meeting,
        save=lambda form: services.add_meeting_document(
            meeting,
            by=request.user,
            title=form.cleaned_data["title"],
            uploaded=form.cleaned_data["file"],
        ),
        saved=_("The document was added."),
        done=meeting.get_absolute_url() + "#documents",
    )


@login_required
def meeting_document(request, pk):
    """Download for the network's members only; anyone else gets 404."""
    document = get_for_user(MeetingDocument.objects, request.user, pk=pk)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_document_delete(request, pk):
    document = get_for_user(
        MeetingDocument.objects.select_related("meeting"), request.user, "delete", pk=pk
    )
    url = document.meeting.get_absolute_url() + "#documents"
    return confirm_delete(
        request,
        document,
        service=services.remove_meeting_document,
        success_url=url,
        cancel_url=url,
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_add(request, pk):
    network = network_for(request, pk)
    organisations = acting_organisations(request.user, network, "add", "networkcontact")
    if not organisations:
        require(request.user, "add", "networkcontact", network.organisation_id)
    form = ContactForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        organisation = fields.pop("organisation")
        if run_transition(
            request,
            form=form,
            change=lambda: services.add_contact(network, organisation, by=request.user, **fields),
        ):
            messages.success(request, _("The contact person was added."))
            return redirect(network.get_absolute_url() + "#contacts")
    title = _("New contact person in %(network)s") % {"network": network}
    return render_form(request, form, title, network.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def contact_delete(request, pk):
    contact = get_for_user(
        NetworkContact.objects.select_related("network", "user"), request.user, "delete", pk=pk
    )
    url = contact.network.get_absolute_url() + "#contacts"
    return confirm_delete(
        request, contact, service=services.remove_contact, success_url=url, cancel_url=url
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request, pk):
    """A joint plan for the network, kept by the convening organisation's planners."""
    network = network_for(request, pk)
    require(request.user, "add", "actionplan", network.organisation_id)
    form = PlanForm(request.POST or None, organisation=network.organisation)
    del form.fields["body"]
    if request.method == "POST" and form.is_valid():
        plan = services.create_joint_plan(network, by=request.user, **form.cleaned_data)
        messages.success(request, _("The joint plan was created. Now add its priority areas."))
        return redirect(plan)
    title = _("New joint plan for %(network)s") % {"network": network}
    return render_form(request, form, title, network.get_absolute_url())
