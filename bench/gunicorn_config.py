"""The benchmark's gunicorn configuration: gunicorn's defaults, no access log.

Passed explicitly, so that gunicorn does not load the project's ./gunicorn.conf.py (JSON access
lines for every request), which the figures in docs/performance.md were measured without.
"""
