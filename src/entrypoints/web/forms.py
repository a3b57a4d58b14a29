"""How the page's steering forms become the JSON API's bodies: the document's `revision`
a form carries, a body checked by the API's own type, and the outline editor's rows."""

from __future__ import annotations

from typing import Any

import msgspec

from domain.errors import InvalidInput
from entrypoints.http.request_body import refusal
from entrypoints.http.validation import violations

NEW_ROWS = 2  # blank rows the outline editor offers for new sections


def revision_of(data: dict[str, str]) -> int | None:
    """The `revision` field as a revision number; absent or malformed: None (no check)."""
    value = data.get("revision", "")
    return int(value) if value.isdigit() and 0 < int(value) < 2**31 else None


def checked(body: dict[str, Any], into: type[Any]) -> Any:
    """`body` as the API's `into` would take it; its first violation as InvalidInput."""
    try:
        return msgspec.convert(body, into, strict=False)
    except msgspec.ValidationError as error:
        found = violations(refusal(error))[0]
        raise InvalidInput(str(found["message"]), field=str(found["field"])) from None


def planned_outline(form: dict[str, str], size: int) -> dict[str, Any]:
    """The outline editor's rows as the API's outline body: kept items (unless dropped) and
    new rows with a title, ordered by their "Position" (ties keep the page's order)."""
    rows: list[tuple[float, int, dict[str, Any]]] = []
    for at, key in enumerate([str(i) for i in range(1, size + 1)]
                             + [f"new-{j}" for j in range(1, NEW_ROWS + 1)]):
        title = form.get(f"title-{key}", "").strip()
        if form.get(f"drop-{key}") or (key.startswith("new-") and not title):
            continue
        item: dict[str, Any] = {"title": title, "target_words": form.get(f"words-{key}", "")}
        if not key.startswith("new-"):
            item["index"] = key
        position = form.get(f"position-{key}", "")
        rows.append((float(position) if position.isdigit() else at + 1, at, item))
    return {"items": [item for _, _, item in sorted(rows, key=lambda r: (r[0], r[1]))],
            "revision": revision_of(form)}
