"""What waits for a user on their start page. Each domain app registers a provider."""

from dataclasses import dataclass

_providers = []


@dataclass(frozen=True)
class WaitingItem:
    """One thing that waits for the user: a text, where to go, and how urgent it is. Only
    `overdue` (past its date) is shown as late; `first` puts an item at the top without
    calling it late (a case sent back to its officer)."""

    label: str
    url: str
    overdue: bool = False
    first: bool = False


def waiting_provider(func):
    """Register `func(user) -> list[WaitingItem]` for the start page."""
    _providers.append(func)
    return func


def waiting_items(user) -> list[WaitingItem]:
    items = []
    for provider in _providers:
        items.extend(provider(user))
    return sorted(items, key=lambda item: not (item.overdue or item.first))
