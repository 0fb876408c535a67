"""Attachments of a case: add a file or link, download, remove."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.deletion import delete_now
from organisations.access import get_for_user

from .. import services
from ..forms import AttachmentForm
from ..models import Attachment
from .assessment import _case_for


@login_required
@require_http_methods(["GET", "POST"])
def attachment_add(request, pk):
    case = _case_for(request, pk, "change", "case")
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_attachment(
                case, by=request.user, title=data["title"], uploaded=data["file"], url=data["url"]
            )
        except ValidationError as error:
            form.add_error("file" if data["file"] else None, error)
        else:
            messages.success(request, _("The attachment was added."))
            return redirect(case)
    return render(request, "assessments/attachment_form.html", {"form": form, "case": case})


@login_required
def attachment_download(request, pk):
    attachment = get_for_user(Attachment.objects.select_related("case"), request.user, pk=pk)
    if not attachment.file:
        raise Http404
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@login_required
@require_POST
def attachment_delete(request, pk):
    attachment = get_for_user(Attachment.objects.select_related("case"), request.user, pk=pk)
    case = _case_for(request, attachment.case_id, "change", "case")
    return delete_now(
        request, attachment, services.remove_attachment, _("The attachment was removed."), case
    )
