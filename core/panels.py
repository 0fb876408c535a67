"""Sections that an app higher up adds to a lower app's page, so the page never imports it.

The networks app, for example, adds "Networks" to an organisation's page and "Shared with
networks" to an assessment template's page. An app registers its panels in `AppConfig.ready()`;
the page's view asks `panels_for(page, user, obj)` and its template includes each panel.
"""

from collections.abc import Callable
from dataclasses import dataclass

_PANELS: dict[str, list["Panel"]] = {}


@dataclass(frozen=True)
class Panel:
    template: str
    # (user, obj) -> the panel's context, or None to leave the panel out.
    context: Callable


@dataclass(frozen=True)
class RenderedPanel:
    template: str
    context: dict


def register(page: str, template: str, context: Callable) -> None:
    """Add a panel to `page` (idempotent, so a re-run `ready()` adds nothing twice)."""
    panels = _PANELS.setdefault(page, [])
    if all(panel.template != template for panel in panels):
        panels.append(Panel(template, context))


def panels_for(page: str, user, obj) -> list[RenderedPanel]:
    """The panels to show on `page` for `obj`, in the order they were registered."""
    rendered = []
    for panel in _PANELS.get(page, []):
        context = panel.context(user, obj)
        if context is not None:
            rendered.append(RenderedPanel(panel.template, context))
    return rendered
