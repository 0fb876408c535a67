"""`{% question_result item raw %}` and `{% result_groups results %}`: one question's result
(chart and table, or the texts) and the answers per group, for the results page and its PDF
summary (templates in `participation/results/`)."""

from django import template

from ..privacy import MIN_GROUP_SIZE

register = template.Library()


@register.inclusion_tag("participation/results/question.html")
def question_result(item, raw: bool, level: int = 3) -> dict:
    return {"item": item, "question": item.question, "raw": raw, "level": level}


@register.inclusion_tag("participation/results/groups.html")
def result_groups(results) -> dict:
    """Who was heard: answers per age band, gender and school or area beside the population,
    small groups not shown, and the groups not heard (`participation.heard`)."""
    return {"results": results, "min_size": MIN_GROUP_SIZE}
