"""The target areas as form choices, "4. Inkomster och försörjningsmöjligheter", in the active
language (for the assessment templates' target-area questions, which store numbers)."""

from django.utils.translation import get_language

from .models import TargetArea


def target_area_choices() -> list[tuple[int, str]]:
    english = (get_language() or "sv").startswith("en")
    rows = TargetArea.objects.order_by("number").values_list("number", "name_sv", "name_en")
    return [(number, f"{number}. {(en if english and en else sv)}") for number, sv, en in rows]
