"""`{% question_result item raw %}`, `{% result_groups results %}` and `{% heard_groups heard %}`:
one question's result (chart and table, or the texts) and who was heard, for the results page,
its PDF summary and the year page (templates in `participation/results/`)."""

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
    return {
        "tables": results.breakdowns,
        "not_heard": results.not_heard,
        "population_source": results.population_source,
        "min_size": MIN_GROUP_SIZE,
    }


@register.inclusion_tag("participation/results/groups.html")
def heard_groups(heard) -> dict:
    """The same for a year's consultations together (`participation.year.YearHeard`), with
    the children heard at meetings by age."""
    return {
        "tables": [*heard.tables, *([heard.meetings] if heard.meetings else [])],
        "not_heard": heard.not_heard,
        "population_source": heard.population_source,
        "min_size": MIN_GROUP_SIZE,
    }
