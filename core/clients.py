"""The client's address, as one function for everything that counts per address.

Behind the documented nginx every request comes from 127.0.0.1; the address the client really
has is the entry the nearest trusted proxy wrote into X-Forwarded-For (settings.TRUSTED_PROXIES,
decision 0032). django-axes already reads it that way through django-ipware; this asks axes the
same question, so the login lock and the children's answer limit never disagree on who is who.
"""

from axes.helpers import get_client_ip_address


def client_address(request) -> str:
    """The client's IP address through the trusted proxies; "" if there is none."""
    return get_client_ip_address(request) or ""
