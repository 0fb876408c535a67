from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import people_views, sso, twofactor_views, views
from .login import LoginView, login_code

app_name = "accounts"

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("login/code/", login_code, name="login_code"),
    path("login/sso/<slug:slug>/", sso.start, name="sso_start"),
    path("login/sso/<slug:slug>/callback/", sso.callback, name="sso_callback"),
    path("logout/", sso.logout_view, name="logout"),
    path("account/", views.account, name="account"),
    path("account/my-data/", views.my_data, name="my_data"),
    path("account/two-factor/", twofactor_views.two_factor, name="two_factor"),
    path("account/two-factor/start/", twofactor_views.two_factor_start, name="two_factor_start"),
    path("account/two-factor/setup/", twofactor_views.two_factor_setup, name="two_factor_setup"),
    path(
        "account/two-factor/disable/",
        twofactor_views.two_factor_disable,
        name="two_factor_disable",
    ),
    path("account/two-factor/verify/", twofactor_views.two_factor_verify, name="two_factor_verify"),
    path(
        "organisations/<int:organisation_pk>/people/<int:user_pk>/disable/",
        people_views.disable_account,
        name="disable_account",
    ),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(success_url="/start/"),
        name="password_change",
    ),
    path(
        "password/set/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_set_done")
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/set/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_set_done",
    ),
]
