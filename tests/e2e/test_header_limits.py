"""The real `tesigo serve` bounds the request head: a huge header, thousands of headers or
an endless one are answered 431 (problem details) and the connection closes, before the
server holds them; heads of ordinary size, keep-alive and pipelining work as before."""

import json
import socket
from collections.abc import Iterator

import pytest
from tests.e2e.processes import Served, tesigo_env

from entrypoints.bounded_http import MAX_HEAD_BYTES, MAX_HEADERS

pytestmark = pytest.mark.e2e
GET = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    server = Served(tesigo_env(), tmp_path_factory.mktemp("heads"), "--no-worker")
    try:
        server.wait_until_healthy()
        yield server
    finally:
        server.stop()


def exchange(served: Served, *parts: bytes) -> bytes:
    """Sends `parts` (stopping early when the server closes) and reads until it closes."""
    with socket.create_connection(("127.0.0.1", served.port), timeout=10) as sock:
        try:
            for part in parts:
                sock.sendall(part)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass
        return answer


def assert_431(answer: bytes) -> None:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 431 "), answer[:200]
    assert b"content-type: application/problem+json" in head.lower()
    problem = json.loads(body)
    assert problem["status"] == 431 and f"{MAX_HEADERS} header fields" in problem["detail"]


def test_a_one_megabyte_header_is_431(served) -> None:
    value = b"a" * 65536
    assert_431(exchange(served, GET, b"X-Big: ", *[value] * 16, b"\r\n\r\n"))


def test_five_thousand_headers_are_431(served) -> None:
    fields = b"".join(b"X-H%d: v\r\n" % n for n in range(5000))
    assert_431(exchange(served, GET, fields, b"\r\n"))


def test_one_more_header_than_allowed_is_431_even_in_one_packet(served) -> None:
    fields = b"".join(b"X-H%d: v\r\n" % n for n in range(MAX_HEADERS))  # + Host
    assert_431(exchange(served, GET + fields + b"\r\n"))


def test_a_long_request_target_is_431(served) -> None:
    assert_431(exchange(served, b"GET /health?" + b"q" * (MAX_HEAD_BYTES + 1)
                        + b" HTTP/1.0\r\n\r\n"))


def test_an_endless_header_is_refused_without_waiting_for_its_end(served) -> None:
    """Nothing ends this header: the server must answer while it is still arriving."""
    assert_431(exchange(served, GET, b"X-Endless: ", *[b"a" * 65536] * 64))


def test_an_ordinary_head_keep_alive_and_pipelining_still_work(served) -> None:
    fields = b"".join(b"X-H%d: %s\r\n" % (n, b"v" * 100) for n in range(MAX_HEADERS - 2))
    ordinary = GET + fields + b"\r\n"
    assert len(ordinary) < MAX_HEAD_BYTES
    last = GET + b"Connection: close\r\n\r\n"
    answer = exchange(served, ordinary + ordinary + last)
    assert answer.count(b"HTTP/1.1 200 OK") == 3, answer[:300]
    assert exchange(served, GET, b"X-Long: " + b"a" * 12_000 + b"\r\n", b"Connection: close"
                    b"\r\n\r\n").startswith(b"HTTP/1.1 200 OK")
