"""Texts stored in both languages."""

from django.utils.translation import get_language


def localised(value) -> str:
    """Pick the active language from a {"sv": …, "en": …} text (Swedish when missing)."""
    if not isinstance(value, dict):
        return value or ""
    language = (get_language() or "sv")[:2]
    return value.get(language) or value.get("sv") or ""
