"""`planwatch serve`: gunicorn serves the pages and the static files on the port asked for, and
refuses an oversized body before reading it."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from planwatch.web.commands.serve import allow_host, bind_address


def test_bind_address_brackets_ipv6_hosts():
    assert bind_address("127.0.0.1", 8000) == "127.0.0.1:8000"
    assert bind_address("::1", 8000) == "[::1]:8000"


def test_the_host_served_on_is_allowed_but_a_wildcard_adds_nothing(monkeypatch):
    monkeypatch.setenv("PLANWATCH_ALLOWED_HOSTS", "plans.example")
    allow_host("10.0.0.5")
    allow_host("0.0.0.0")
    assert os.environ["PLANWATCH_ALLOWED_HOSTS"] == "plans.example,10.0.0.5"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def _declared_body_answer(port: int, length: int) -> int:
    """The status of a POST that announces a body of `length` bytes and sends none of it: a
    server that read before refusing would wait for the body and time out."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("POST", "/data/import/")
        connection.putheader("Content-Type", "multipart/form-data; boundary=x")
        connection.putheader("Content-Length", str(length))
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.slow
def test_serve_answers_with_the_sign_in_page_and_the_stylesheet(tmp_path):
    port = _free_port()
    env = {key: value for key, value in os.environ.items()
           if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["PLANWATCH_HOME"] = str(tmp_path / "home")
    server = subprocess.Popen(
        [sys.executable, "-m", "planwatch.cli", "serve", "--port", str(port), "--workers", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, page = _get(base + "/accounts/login/")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "serve did not answer within 60 s"
                time.sleep(0.3)
        assert status == 200 and "登录".encode() in page
        assert _get(base + "/static/planwatch/site.css")[0] == 200
        assert _get(base + "/plans/luyuan/")[0] == 200  # the sign-in page, after a redirect
        assert _declared_body_answer(port, 300 * 2**20) == 413
    finally:
        server.terminate()
        server.wait(timeout=30)
