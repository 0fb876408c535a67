"""Ways in for the children: the QR code, a printable poster, and one-time class codes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.pdf import render_pdf
from core.transitions import run_transition

from .. import services
from ..forms import ClassCodesForm
from ..qr import qr_png, qr_svg
from .helpers import consultation_for


def _children_url(request, consultation) -> str:
    return request.build_absolute_uri(consultation.children_path())


@login_required
def qr_code(request, pk, fmt):
    consultation = consultation_for(request.user, pk)
    url = _children_url(request, consultation)
    filename = f"qr-{consultation.code}.{fmt}"
    if fmt == "png":
        response = HttpResponse(qr_png(url), content_type="image/png")
    else:
        response = HttpResponse(str(qr_svg(url)), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def poster(request, pk):
    """An A4 poster for a classroom wall: the question, the QR code, the link and the code."""
    consultation = consultation_for(request.user, pk)
    url = _children_url(request, consultation)
    pdf = render_pdf(
        "participation/poster.html",
        {
            "consultation": consultation,
            "url": url,
            "start_url": request.build_absolute_uri("/delta/"),
            "qr": qr_svg(url, module_size=8, id_prefix="poster"),
        },
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="affisch-{consultation.code}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def class_codes(request, pk):
    """Make one-time codes and print them to cut out and hand to each child."""
    consultation = consultation_for(request.user, pk, "change")
    form = ClassCodesForm(request.POST or None, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        count = form.cleaned_data["count"]
        area = form.cleaned_data.get("area", "")
        if run_transition(
            request,
            lambda: services.create_class_codes(
                consultation, by=request.user, count=count, area=area
            ),
        ):
            messages.success(request, _("%(count)s codes were made.") % {"count": count})
        return redirect("participation:class_codes", pk=consultation.pk)
    codes = consultation.class_codes.all()
    return render(
        request,
        "participation/class_codes.html",
        {
            "consultation": consultation,
            "form": form,
            "unused": [code for code in codes if code.used_on is None],
            "used_count": sum(code.used_on is not None for code in codes),
            "url": _children_url(request, consultation),
        },
    )
