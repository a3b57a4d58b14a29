"""Which problem answers each operation can give, beyond the ones every operation of its
shape gives (see `openapi.generic_answers`): the domain errors its use case raises, by
status (`errors.STATUS_OF` maps them). schemathesis checks these against the running server."""

from __future__ import annotations

DESCRIPTIONS = {
    400: "The request body cannot be read: not JSON, not UTF-8, nested too deeply or empty.",
    401: "A valid bearer access token is required.",
    402: "Not enough credits for the model calls this needs; `limit` is `credits`.",
    403: "The caller may not do this (an admin's action, or a blocked account).",
    404: "Not found, or not the caller's.",
    409: "The resource's state does not allow this now, or a concurrent change to the same "
         "data got in the way (nothing was changed; try again).",
    413: "The request body is larger than this endpoint accepts; `detail` names the limit.",
    415: "The uploaded file is not a PDF, DOCX or plain-text file.",
    422: "The request breaks a rule; `detail` and `errors` name each field and its rule.",
    429: "A rate limit or daily token limit is reached; `detail` says which and when it "
         "resets, `Retry-After` in seconds.",
    502: "The language model answered with something unusable.",
    503: "A service this needs (language model, sources, payments, rendering) is not "
         "available; retry later.",
    504: "A service this needs (the DOI registry) did not answer in time; retry later.",
}
_MODEL_CALL = {402, 404, 409, 429, 502, 503}
_SIGN_IN = {429}  # the per-IP limit of the sign-in endpoints
_DOC = "/api/v1/documents/{document_id}"
_ADMIN_USER = "/api/v1/admin/users/{user_id}"

ANSWERS: dict[tuple[str, str], set[int]] = {
    ("post", "/api/v1/auth/magic-link"): _SIGN_IN,
    ("post", "/api/v1/auth/verify-magic-link"): _SIGN_IN | {400, 403},
    ("post", "/api/v1/auth/refresh"): _SIGN_IN | {401, 403},
    ("post", "/api/v1/auth/logout"): _SIGN_IN,
    ("get", "/api/v1/auth/oidc/start"): _SIGN_IN | {404, 503},
    ("get", "/api/v1/auth/oidc/callback"): _SIGN_IN | {400, 401, 403, 404, 503},
    ("patch", _DOC): {409},
    ("delete", _DOC): {409},
    ("post", f"{_DOC}/outline"): _MODEL_CALL,
    ("post", f"{_DOC}/sections/{{index}}/generate"): _MODEL_CALL,
    ("post", f"{_DOC}/generate"): {402, 409, 422, 429, 503},
    ("get", f"{_DOC}/export"): {409, 503},
    ("post", f"{_DOC}/requirements"): {409, 415},
    ("post", "/api/v1/jobs/{job_id}/cancel"): {409},
    ("post", "/api/v1/billing/checkout"): {409, 503},
    ("get", "/api/v1/billing/payments/{payment_id}/receipt"): {409, 503},
    ("post", "/api/v1/billing/webhook"): {400, 413, 503},
    ("post", "/api/v1/billing/subscribe"): {404, 409, 503},
    ("get", "/api/v1/billing/subscription"): {404},
    ("post", "/api/v1/billing/subscription/cancel"): {404, 409, 503},
    ("post", "/api/v1/billing/subscription/resume"): {404, 409, 503},
    ("post", "/api/v1/billing/portal"): {404, 503},
    ("post", f"{_ADMIN_USER}/block"): {422},
    ("put", f"{_DOC}/outline"): {409},
    ("put", f"{_DOC}/sections/{{index}}"): {409},
    ("post", f"{_DOC}/sections/{{index}}/verify"): _MODEL_CALL,
    ("get", f"{_DOC}/sections/{{index}}/revisions"): {409},
    ("post", f"{_DOC}/sections/{{index}}/revisions/{{revision}}/restore"): {409, 422},
    ("post", f"{_DOC}/sources"): {409, 503, 504},
    ("delete", f"{_DOC}/sources/{{n}}"): {409, 422},
    ("post", "/api/v1/auth/2fa/enrol"): {409, 503},
    ("post", "/api/v1/auth/2fa/confirm"): {409, 503},
    ("post", "/api/v1/auth/2fa/verify"): {403, 409, 503},
    ("delete", "/api/v1/auth/2fa"): {409, 503},
}
