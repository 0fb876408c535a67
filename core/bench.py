"""Measurement hooks for `make bench`, switched on only by BARNRATT_BENCHMARK=1."""

import time

from django.db import connection
from django.http import HttpResponse


class _QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class BenchmarkTimingMiddleware:
    """Adds the server's CPU time and SQL query count of each request as response headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = _QueryCounter()
        started = time.thread_time()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response["X-Bench-CPU-ms"] = f"{(time.thread_time() - started) * 1000:.3f}"
        response["X-Bench-Queries"] = str(counter.count)
        return response


def bare_view(request):
    """The reference: the least a Django view can do, measured by the same server."""
    return HttpResponse("ok", content_type="text/plain")
