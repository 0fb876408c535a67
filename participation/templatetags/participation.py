"""Texts of a consultation in the language the child chose."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

register = template.Library()

DEFAULT_PRIVACY_TEXT = gettext_noop(
    "We do not ask for your name. Do not write your name, phone number or anything else that "
    "shows who you are. The adults who work with this question read what you write, and it "
    "helps them when they decide. Anyone can ask to read the answers, but no one can see who "
    "wrote them. When it has been decided, you can read here what happened."
)


@register.simple_tag
def consultation_title(consultation, english=False):
    return (english and consultation.title_en) or consultation.title


@register.simple_tag
def consultation_introduction(consultation, english=False):
    return (english and consultation.introduction_en) or consultation.introduction


@register.simple_tag
def privacy_text(consultation):
    return consultation.privacy_text or _(DEFAULT_PRIVACY_TEXT)


@register.simple_tag
def feedback_parts(feedback, english=False):
    return feedback.parts(english)
