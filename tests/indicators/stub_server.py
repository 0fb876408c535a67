"""A local HTTP server for the API clients' tests: answers from a table of routes.

Each route maps a path (with its query string) to a list of answers (status, JSON body) given
in turn, the last one repeated; `{base}` in a body is replaced by the server's address. Every
request is recorded, so tests can check what was asked and in which order.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StubServer:
    def __init__(self, routes, *, default=None):
        """`default`: the answers for any path not in `routes`."""
        self.routes = {path: list(answers) for path, answers in routes.items()}
        self.default = list(default or [])
        self.requests = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                stub.requests.append(self.path)
                answers = stub.routes.get(self.path, stub.default)
                status, body = (404, None) if not answers else answers[0]
                if answers and len(answers) > 1:
                    answers.pop(0)
                data = b""
                if isinstance(body, bytes):
                    data = body
                elif body is not None:
                    data = json.dumps(body).replace("{base}", stub.base).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
