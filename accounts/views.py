import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from operations.security import record

from .register import register_extract
from .twofactor import has_second_factor


@login_required
def account(request):
    enrolled = has_second_factor(request.user)
    return render(request, "accounts/account.html", {"two_factor_enrolled": enrolled})


@login_required
@require_POST
def my_data(request):
    """The signed-in person's register extract as a JSON file (GDPR article 15)."""
    record("register_extract", request=request)
    body = json.dumps(register_extract(request.user), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="registerutdrag-barnratt.json"'
    return response
