"""The one form page every app uses, and the copy of a record an edit form works on."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.transitions import show_refusal


def form_copy(instance):
    """A copy of `instance` for a ModelForm to change while it validates, so that the row is
    read once: validating writes the posted values into the form's instance, and the service
    function must see the stored ones, which `core.audit.update_object` compares to save and log
    only what really changed. Related objects already loaded are shared, not copied."""
    return copy.copy(instance)


def render_form(request, form, title, back="", *, template="core/form.html", context=None):
    """The generic form page (`core/form.html`): a heading, the form, Save and Cancel. `back`
    is where Cancel leads: a URL or an object with `get_absolute_url` (no link when empty). A
    page with more to say names its own `template` and `context`. A form with a file field is
    sent as multipart (Django's `form.is_multipart()`)."""
    if hasattr(back, "get_absolute_url"):
        back = back.get_absolute_url()
    page = {"form": form, "title": title, "back": back, "multipart": form.is_multipart()}
    return render(request, template, page | (context or {}))


def form_page(request, form, *, title, back, save, saved, done=None, **page):
    """A whole create or edit page. On a valid POST `save(form)` calls the service; then
    `saved` is shown and the browser goes to `done` (a URL, an object, or a function of what
    `save` returned), by default to what `save` returns, else to `back`. A refusal from the
    service lands on the form. `page` goes to `render_form` (template, context)."""
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(form)
        except ValidationError as error:
            show_refusal(request, error, form=form)
        else:
            messages.success(request, saved)
            if callable(done):
                done = done(obj)
            return redirect(done or obj or back)
    return render_form(request, form, title, back, **page)


def edit_page(request, obj, form_class, service, saved, *, title=None, **kwargs):
    """The commonest form page: `obj`'s edit page. `form_class` (with `kwargs`) edits a copy
    of it (`form_copy`), `service(obj, by=user, **fields)` saves it, and the browser returns to
    it. `fields` are the form's `service_fields()` where it has them (forms whose input the
    service takes in other words), else its cleaned data."""
    form = form_class(
        request.POST or None, request.FILES or None, instance=form_copy(obj), **kwargs
    )
    return form_page(
        request,
        form,
        title=title or _("Edit %(name)s") % {"name": obj},
        back=obj,
        save=lambda form: service(obj, by=request.user, **_service_fields(form)),
        saved=saved,
    )


def service_page(
    request,
    target,
    form_class,
    service,
    saved,
    *,
    title,
    back=None,
    done=None,
    template="core/form.html",
    context=None,
    **kwargs,
):
    """A form page whose valid input goes to `service(target, by=user, **fields)`: adding to
    `target` (a plan's area, a forum's meeting, an organisation's body) or acting on it (an
    answer, the settings). `form_class` is built with `kwargs` (such as the unsaved
    `instance`); Cancel leads to `back`, by default `target`; the rest is as in `form_page`,
    and `fields` as in `edit_page`."""
    form = form_class(request.POST or None, request.FILES or None, **kwargs)
    return form_page(
        request,
        form,
        title=title,
        back=target if back is None else back,
        save=lambda form: service(target, by=request.user, **_service_fields(form)),
        saved=saved,
        done=done,
        template=template,
        context=context,
    )


def _service_fields(form) -> dict:
    return form.service_fields() if hasattr(form, "service_fields") else form.cleaned_data
