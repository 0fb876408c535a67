"""The children's pages through a shorter middleware stack than the staff pages (decision 0026).

A child answering on a phone has no account: no session, login, two-factor check, messages,
htmx or lockout applies, and those middleware cost about 0.1 ms of each children's request,
nearly a third of a page view's CPU (docs/performance.md, eighth round). Django reads one
stack for a handler, from settings.MIDDLEWARE, so barnratt.wsgi builds a second handler for the
children's paths with settings.CHILDREN_MIDDLEWARE, and the tests' client dispatches the same
way.
"""

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler


class ChildrenMiddlewareMixin:
    """A handler whose middleware stack is settings.CHILDREN_MIDDLEWARE."""

    def load_middleware(self, is_async=False):
        # Django has no argument for the list. The handler is built once, as the WSGI module is
        # imported and before any request, so the setting is swapped back at once.
        full_stack = settings.MIDDLEWARE
        settings.MIDDLEWARE = settings.CHILDREN_MIDDLEWARE
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = full_stack


class ChildrenWSGIHandler(ChildrenMiddlewareMixin, WSGIHandler):
    pass


def is_childrens_path(path: str) -> bool:
    return path.startswith(settings.CHILDREN_PATH_PREFIXES)


class ChildrenFirst:
    """The WSGI application: the children's paths to their own handler, the rest to Django's."""

    def __init__(self, application, childrens_application):
        self.application = application
        self.childrens_application = childrens_application

    def __call__(self, environ, start_response):
        if is_childrens_path(environ.get("PATH_INFO", "")):
            return self.childrens_application(environ, start_response)
        return self.application(environ, start_response)
