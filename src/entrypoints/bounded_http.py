"""uvicorn's httptools protocol with a bounded request head: at most MAX_HEADERS header
fields and MAX_HEAD_BYTES of request line and headers, else a 431 and the connection closes.

Why here and not in the app: uvicorn's httptools protocol (the one `tesigo serve` runs, as
httptools is installed) has no limit at all. It buffers a header of any size and hands the
app every field, so a check in ASGI middleware would come after the memory is spent (a 100 MB
header grew the process by 130 MB). uvicorn's h11 protocol does bound the head, but parses in
pure Python on every request, which the read path cannot afford. Counting here costs 1 to
2 µs per request (a head of 7 fields: 1.0-1.6 → 2.1-3.4 µs in the parser callbacks, on a
busy 2-core box), in callbacks uvicorn makes anyway. It leans on those callbacks of the
pinned uvicorn; tests/e2e/test_header_limits.py runs it in the real `tesigo serve`.

Two counts, because httptools reports a header only once it is complete: the parsed bytes
(request target and fields, exact) and the raw bytes received while a head is in progress,
which bound what one long header can make the parser buffer (to the limit plus one read).
"""

from __future__ import annotations

import json

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

MAX_HEADERS = 100
MAX_HEAD_BYTES = 16 * 1024
_DETAIL = (f"The request head is too large: at most {MAX_HEADERS} header fields and "
           f"{MAX_HEAD_BYTES:,} bytes of request line and headers are accepted.")
_BODY = json.dumps({"type": "about:blank", "title": "Request Header Fields Too Large",
                    "status": 431, "detail": _DETAIL}).encode()
_REFUSAL = (b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
            b"content-type: application/problem+json\r\n"
            b"content-length: " + str(len(_BODY)).encode() + b"\r\n"
            b"connection: close\r\n\r\n" + _BODY)


class HeadTooLarge(Exception):
    """Raised in a parser callback; httptools turns it into a parser error."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    # The callbacks run for every header of every request: they count inline and call the
    # base class directly (super() and a helper method doubled the cost, measured).
    _in_head = _too_large = False
    _raw = _parsed = 0

    def data_received(self, data: bytes) -> None:
        if self._in_head:  # counted before parsing: a head that began earlier goes on here
            self._raw += len(data)
        HttpToolsProtocol.data_received(self, data)
        if self._in_head and self._raw > MAX_HEAD_BYTES and not self.transport.is_closing():
            self._refuse()

    def on_message_begin(self) -> None:
        self._in_head, self._raw, self._parsed = True, 0, 0
        HttpToolsProtocol.on_message_begin(self)

    def on_url(self, url: bytes) -> None:
        self._parsed += len(url)
        HttpToolsProtocol.on_url(self, url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._parsed += len(name) + len(value) + 4  # ": " and CRLF
        if self._parsed > MAX_HEAD_BYTES or len(self.headers) >= MAX_HEADERS:
            self._too_large = True
            raise HeadTooLarge
        HttpToolsProtocol.on_header(self, name, value)

    def on_headers_complete(self) -> None:
        self._in_head = False
        if self._parsed > MAX_HEAD_BYTES:  # a long request target and no header after it
            self._too_large = True
            raise HeadTooLarge
        HttpToolsProtocol.on_headers_complete(self)

    def send_400_response(self, msg: str) -> None:
        if self._too_large:  # our callback's refusal, reported by the parser as an error
            self._refuse()
        else:
            HttpToolsProtocol.send_400_response(self, msg)

    def _refuse(self) -> None:
        self.logger.warning("Request head too large; answered 431.")
        self.transport.write(_REFUSAL)
        self.transport.close()
