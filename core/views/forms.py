"""The one form page every app uses, and the copy of a record an edit form works on."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from core.transitions import show_refusal


def form_copy(instance):
    """A copy of `instance` for a ModelForm to change while it validates, so that the row is
    read once: validating writes the posted values into the form's instance, and the service
    function must see the stored ones, which `core.audit.update_object` compares to save and log
    only what really changed. Related objects already loaded are shared, not copied."""
    return copy.copy(instance)


def render_form(request, form, title, back="", *, multipart=False, status=200):
    """The generic form page (`core/form.html`): a heading, the form, Save and Cancel. `back`
    is where Cancel leads: a URL or an object with `get_absolute_url` (no link when empty)."""
    if hasattr(back, "get_absolute_url"):
        back = back.get_absolute_url()
    context = {"form": form, "title": title, "back": back, "multipart": multipart}
    return render(request, "core/form.html", context, status=status)


def form_page(request, form, *, title, back, save, saved, done=None, multipart=False):
    """A whole create or edit page. On a valid POST `save(form)` calls the service; then
    `saved` is shown and the browser goes to `done` (a URL, an object, or a function of what
    `save` returned), by default to what `save` returns, else to `back`. A refusal from the
    service lands on the form."""
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
    return render_form(request, form, title, back, multipart=multipart)
