"""The `Idempotency-Key` header on POST endpoints that start work or move money."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Request, Response

from application.idempotency.idempotent_call import IdempotentCall
from domain.errors import InvalidInput
from domain.idempotency import MAX_KEY_LENGTH, StoredResponse
from domain.ids import UserId

REPLAYED = "Idempotent-Replayed"


def idempotency_key(request: Request[Any, Any, Any]) -> str | None:
    key = request.headers.get("idempotency-key")
    if key is None:
        return None
    if not 1 <= len(key) <= MAX_KEY_LENGTH or not key.isprintable():
        raise InvalidInput(f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} printable characters",
                           field="Idempotency-Key")
    return key


async def fingerprint(request: Request[Any, Any, Any]) -> str:
    """What makes two requests the same: method, path and body."""
    body = await request.body()
    return hashlib.sha256(b"%s %s\n%s" % (request.method.encode(),
                                          request.url.path.encode(), body)).hexdigest()


async def answer_once(request: Request[Any, Any, Any], user_id: UserId,
                      idempotent: IdempotentCall,
                      work: Callable[[], Awaitable[StoredResponse]]) -> Response[bytes]:
    """Runs `work` and answers with its response; with an Idempotency-Key, a repeat of the
    request is answered with the first response (marked replayed) instead."""
    key, headers = idempotency_key(request), {}
    if key is None:
        response = await work()
    else:
        response, replayed = await idempotent(user_id, key, await fingerprint(request), work)
        headers = {REPLAYED: "true"} if replayed else {}
    return Response(response.body, status_code=response.status,
                    media_type=response.content_type, headers=headers)
