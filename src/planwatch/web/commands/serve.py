"""`planwatch serve [--host] [--port]`: serve the database with gunicorn.

gunicorn runs in-process through its BaseApplication; whitenoise serves the static files,
so no web server or collectstatic step is needed in front for a small deployment.
"""

from __future__ import annotations

import argparse
import os


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help="监听地址 / address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000,
                        help="端口 / port (default 8000)")
    parser.add_argument("--workers", type=int, default=2,
                        help="工作进程数 / worker processes (default 2)")


def allow_host(host: str) -> None:
    """Accept requests addressed to the host we listen on, besides the local names."""
    if host in ("0.0.0.0", "::", ""):
        return
    configured = os.environ.get("PLANWATCH_ALLOWED_HOSTS", "")
    os.environ["PLANWATCH_ALLOWED_HOSTS"] = ",".join(filter(None, [configured, host]))


def bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def gunicorn_settings(host: str, port: int, workers: int) -> dict[str, object]:
    """What gunicorn is told. It has no limit on a request's body: Django refuses one larger
    than MAX_REQUEST_BYTES from its Content-Length (middleware.RequestBodyLimitMiddleware).
    The head of a request is bounded here: no page needs a longer line (our longest, a
    filtered overview, is some hundreds of bytes) or more headers."""
    return {
        "bind": bind_address(host, port), "workers": workers, "accesslog": "-", "timeout": 60,
        "limit_request_line": 4094, "limit_request_fields": 50,
        "limit_request_field_size": 8190,
        # No control socket: it would live in ~/.gunicorn, outside PLANWATCH_HOME.
        "control_socket_disable": True,
    }


def serve(host: str, port: int, workers: int) -> int:
    """Run gunicorn until interrupted; Django must already be set up."""
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    # Forked workers must open their own database connections, never share the master's.
    connections.close_all()

    class PlanwatchServer(BaseApplication):
        def load_config(self):
            for key, value in gunicorn_settings(host, port, workers).items():
                self.cfg.set(key, value)

        def load(self):
            from planwatch.web.wsgi import application

            return application

    print(f"planwatch: http://{bind_address(host, port)}/  (Ctrl-C 停止 / to stop)", flush=True)
    PlanwatchServer().run()
    return 0


def run(args: argparse.Namespace) -> int:
    allow_host(args.host)
    from planwatch.web.bootstrap import prepare_database

    prepare_database()
    return serve(args.host, args.port, args.workers)
