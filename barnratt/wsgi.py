"""WSGI entry point, served by gunicorn in production (`make serve`) and by `make run`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barnratt.settings")

application = get_wsgi_application()
