"""How a view fetches the organisation its page is about."""

from core.views.forms import service_page
from organisations.access import allowed_bodies, get_for_user, require
from organisations.models import Organisation


def organisation_for(request, pk, action: str = "view", object_type: str = "organisation"):
    """The organisation if the user sees it (else 404) and, unless only viewing it, may do
    `action` on `object_type` there (else 403): "add a case in Karlskoga" is one call."""
    organisation = get_for_user(Organisation.objects, request.user, pk=pk)
    if (action, object_type) != ("view", "organisation"):
        require(request.user, action, object_type, organisation.pk)
    return organisation


def organisation_and_bodies(request, pk, action: str, object_type: str):
    """The organisation (404 unless seen) and the bodies the new record must belong to: None
    when the user's role is on the organisation, else the bodies their role is on (403 when
    none). The form limits its body field to those, so the record names the body."""
    organisation = get_for_user(Organisation.objects, request.user, pk=pk)
    return organisation, allowed_bodies(request.user, action, object_type, organisation.pk)


def create_in_organisation(
    request,
    organisation_pk,
    object_type,
    form_class,
    service,
    saved,
    *,
    title,
    by_body: bool = False,
    **page,
):
    """The page that creates an `object_type` in an organisation, for a user who may add one
    there: `form_class(organisation=…)` takes the input, `service(organisation, by=user,
    **fields)` creates it. With `by_body`, a role on one of the organisation's bodies is enough
    and the form gets `bodies=` (see `organisation_and_bodies`). `title` names the organisation
    as `%(organisation)s`; `page` goes to `service_page` (back, done, further form arguments)."""
    if by_body:
        organisation, bodies = organisation_and_bodies(request, organisation_pk, "add", object_type)
        page["bodies"] = bodies
    else:
        organisation = organisation_for(request, organisation_pk, "add", object_type)
    return service_page(
        request,
        organisation,
        form_class,
        service,
        saved,
        title=title % {"organisation": organisation},
        organisation=organisation,
        **page,
    )
