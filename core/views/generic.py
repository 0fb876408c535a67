"""A record's edit and delete pages declared in one statement (Django's `View.as_view`), for
the many pages that are nothing but the shared helpers: fetch the record through the app's one
lookup, then `edit_page`, `confirm_delete` or `delete_now`. A page that does more stays a
function view."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import resolve_url
from django.views import View

from core.deletion import confirm_delete, delete_now
from core.views.forms import edit_page


class RecordView(LoginRequiredMixin, View):
    """A page about one record: `lookup(request, pk, action)` is the app's lookup for it (404
    unless seen, 403 unless the user may do `action`). Attributes are given to `as_view`."""

    http_method_names = ["get", "post"]
    lookup = None
    action = "view"

    def get_object(self):
        return self.lookup(self.request, self.kwargs["pk"], self.action)


class RecordEditView(RecordView):
    """The record's edit page (`core.views.forms.edit_page`): `form_class` edits it, `service`
    saves it, `saved` is said. `title`, if given, names the record as `%(name)s`; with
    `form_gets_user` the form is also handed `user=` (forms that offer the user's own bodies)."""

    action = "change"
    form_class = None
    service = None
    saved = ""
    title = None
    form_gets_user = False

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        form_kwargs = {"user": request.user} if self.form_gets_user else {}
        title = self.title % {"name": obj} if self.title else None
        return edit_page(
            request, obj, self.form_class, self.service, self.saved, title=title, **form_kwargs
        )

    post = get


class RecordDeleteView(RecordView):
    """The record's delete page with its confirmation (`core.deletion.confirm_delete`):
    `service` deletes it, then the browser goes to `success_url` (a URL name or URL);
    `consequences` lists what goes with it."""

    action = "delete"
    service = None
    success_url = None
    consequences = ()

    def get(self, request, *args, **kwargs):
        return confirm_delete(
            request,
            self.get_object(),
            service=self.service,
            success_url=resolve_url(self.success_url),
            consequences=self.consequences,
        )

    post = get


class RecordDeleteNowView(RecordView):
    """The delete button whose page already asked (`core.deletion.delete_now`): POST only;
    `service` deletes the record, `deleted` is said, the browser goes to `success_url`."""

    http_method_names = ["post"]
    action = "delete"
    service = None
    deleted = ""
    success_url = None

    def post(self, request, *args, **kwargs):
        return delete_now(request, self.get_object(), self.service, self.deleted, self.success_url)


def edit_view(lookup, form_class, service, saved, **options):
    """`RecordEditView` for one kind of record, declared in one line of the app's views:
    `policy_edit = edit_view(_policy_for, PolicyForm, services.update_policy, saved)`."""
    return RecordEditView.as_view(
        lookup=lookup, form_class=form_class, service=service, saved=saved, **options
    )


def delete_view(lookup, service, success_url, **options):
    """`RecordDeleteView` for one kind of record, declared in one line of the app's views."""
    return RecordDeleteView.as_view(
        lookup=lookup, service=service, success_url=success_url, **options
    )


def delete_now_view(lookup, service, deleted, success_url):
    """`RecordDeleteNowView` for one kind of record, declared in one line of the app's views."""
    return RecordDeleteNowView.as_view(
        lookup=lookup, service=service, deleted=deleted, success_url=success_url
    )
