"""The baseline for api_get_document.py: a bare Litestar handler doing one asyncpg fetchrow by
primary key, no auth, no DI, no ORM. Run by the benchmark as
`python bench/bare_app.py PORT DSN`."""

import sys
from typing import Any
from uuid import UUID

import asyncpg
import uvicorn
from litestar import Litestar, get

POOL: dict[str, Any] = {}


async def connect() -> None:
    POOL["pool"] = await asyncpg.create_pool(sys.argv[2], min_size=5, max_size=20)


@get("/documents/{document_id:uuid}")
async def document(document_id: UUID) -> dict[str, Any]:
    row = await POOL["pool"].fetchrow(
        "SELECT id, title, topic, kind, language, target_words, citation_style, status, "
        "revision, created_at, updated_at FROM documents WHERE id = $1", document_id)
    return dict(row)


app = Litestar([document], on_startup=[connect])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning",
                access_log=False)
