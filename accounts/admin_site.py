"""The admin site: the same sign-in as the app, and the second factor for those who have one."""

from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .twofactor import has_second_factor


class BarnrattAdminSite(admin.AdminSite):
    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        # Someone who enrolled a second factor reaches the admin only with it verified.
        return request.user.is_verified() or not has_second_factor(request.user)

    def login(self, request, extra_context=None):
        """One way in: the app's sign-in page, with its lockout and its second factor."""
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("admin:index")
        query = urlencode({"next": target})
        user = request.user
        if not user.is_authenticated:
            return HttpResponseRedirect(f"{reverse('accounts:login')}?{query}")
        if user.is_active and user.is_staff and has_second_factor(user):
            return HttpResponseRedirect(f"{reverse('accounts:two_factor_verify')}?{query}")
        raise PermissionDenied
