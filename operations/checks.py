"""System checks for a production configuration (`manage.py check --deploy`, and every
`migrate`): what the settings alone cannot refuse at start-up."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security)
def accessibility_contact(app_configs, **kwargs):
    # The accessibility statement must name a way to report problems (lag 2018:1937 § 12);
    # the development default is a placeholder that reaches no one.
    contact = settings.ACCESSIBILITY_CONTACT_EMAIL
    if getattr(settings, "PRODUCTION", False) and (not contact or contact.endswith(".invalid")):
        return [
            Error(
                "BARNRATT_ACCESSIBILITY_EMAIL is not set: the public accessibility statement "
                f"would name {contact or 'no one'} as the contact for reporting problems.",
                hint="Set BARNRATT_ACCESSIBILITY_EMAIL to the address that answers them.",
                id="barnratt.E001",
            )
        ]
    return []


@register()
def email_security(app_configs, **kwargs):
    # STARTTLS and implicit TLS are two ways to open one connection; Django's SMTP backend
    # refuses both at once only when it first sends, which for invitations is days later.
    if settings.EMAIL_USE_TLS and settings.EMAIL_USE_SSL:
        return [
            Error(
                "BARNRATT_EMAIL_USE_TLS and BARNRATT_EMAIL_USE_SSL are both on.",
                hint="Use TLS (STARTTLS, usually port 587) or SSL (SMTPS, usually port 465), "
                "not both.",
                id="barnratt.E002",
            )
        ]
    return []
