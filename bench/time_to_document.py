"""How long a whole 12-section document takes with a model of fixed latency, against the
ideal and against writing every call one after another; and what the writing costs in
prompt and completion tokens per 1,000 written words.

    uv run python bench/time_to_document.py [--latency 1.0] [--concurrency 4]

One `tesigo serve` (embedded worker) on PostgreSQL, the real `openai` library against the
local OpenAI-compatible stand-in, which answers every call after `--latency` seconds and
counts a word as a token. The outline has 12 sections (10 body, introduction, conclusion);
each section's text comes at its budget (no continuation, no cut), so a section is two
calls: the text and its claim check. Ideal = outline + ceil(10 / c) + 1 rounds of (text +
check); sequential = every call in turn. Sources: the offline catalogue.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.e2e.mail_files import mailed_token  # noqa: E402
from tests.e2e.processes import Served, run_tesigo  # noqa: E402
from tests.integration.openai_server import OpenAiTestServer  # noqa: E402
from tests.postgres import fresh_database, postgres_server  # noqa: E402

SECTIONS, WORDS = 12, 500
SPEC = {"title": "Bridges of Europe", "topic": "Suspension bridges", "kind": "report",
        "language": "en", "target_words": SECTIONS * WORDS, "citation_style": "ieee"}
TITLES = ["Introduction", *(f"Part {i}" for i in range(1, SECTIONS - 1)), "Conclusion"]


def text(request: dict[str, Any]) -> str:
    prompt = request["messages"][-1]["content"]
    wanted = int(re.findall(r"^TARGET_WORDS: (\d+)$", prompt, re.M)[-1])
    listed = [int(n) for n in re.findall(r"^\[(\d+)\] ", prompt, re.M)] or [0]
    sentences, words = [], 0
    while words < wanted:
        n = listed[len(sentences) % len(listed)]
        sentence = f"Cable bridges carry their decks on main cables {len(sentences)} [{n}]."
        sentences.append(sentence)
        words += len(sentence.split())
    return " ".join(sentences)


def structured(request: dict[str, Any]) -> dict[str, Any]:
    schema = request["response_format"]["json_schema"]
    prompt = request["messages"][-1]["content"]
    if schema["name"] == "claims":
        abstracts = dict(re.findall(r"^ABSTRACT \[(\d+)\]: (.+)$", prompt, re.M))
        pairs = [(int(s), n) for s, marks in re.findall(r"^SENTENCE (\d+) ((?:\[\d+\])+)",
                                                        prompt, re.M)
                 for n in re.findall(r"\d+", marks)]
        return {"claims": [{"sentence": s, "n": int(n), "verdict": "supported",
                            "quote": " ".join(abstracts[n].split()[:6])} for s, n in pairs]}
    item_properties = schema["schema"]["properties"]["sections"]["items"]["properties"]
    sections = []
    for title in TITLES:
        item: dict[str, Any] = {"title": title, "target_words": WORDS}
        if "brief" in item_properties:  # the outline before grounding had neither
            item |= {"brief": f"{title} of the report.", "queries": ["suspension bridges"]}
        sections.append(item)
    return {"sections": sections}


async def run(latency: float, concurrency: int) -> dict[str, float]:
    model = OpenAiTestServer(text_responder=text, json_responder=structured)
    model.answer_after(latency)
    model.start()
    try:
        async with postgres_server() as server_url, fresh_database(server_url) as url:
            work = Path(os.environ.get("TMPDIR", "/tmp")) / f"tesigo-bench-{os.getpid()}"
            work.mkdir(parents=True, exist_ok=True)
            env = {**os.environ, "ENVIRONMENT": "test", "DATABASE_URL": url,
                   "MAIL_DIR": str(work / "mail"), "OPENAI_BASE_URL": model.base_url,
                   "OPENAI_API_KEY": "sk-bench", "LLM_MODEL": "bench-model",
                   "SOURCES_PROVIDER": "offline", "SECTION_CONCURRENCY": str(concurrency),
                   "JOB_POLL_S": "0.05", "SIGNUP_CREDITS": "100000000",
                   "DAILY_TOKEN_LIMIT": "100000000",
                   "LOG_LEVEL": "WARNING", "LLM_TIMEOUT_S": str(max(30, latency * 10))}
            run_tesigo("migrate", env=env, cwd=work)
            served = Served(env, work)
            try:
                served.wait_until_healthy()
                return await _one_document(served.url, work / "mail", model)
            finally:
                served.stop()
    finally:
        model.stop()


async def _one_document(url: str, mail: Path, model: OpenAiTestServer) -> dict[str, float]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        await client.post("/api/v1/auth/magic-link", json={"email": "bench@example.com"})
        token = await asyncio.to_thread(mailed_token, mail, "bench@example.com")
        access = (await client.post("/api/v1/auth/verify-magic-link", json={"token": token})
                  ).json()["access_token"]
        auth = {"Authorization": f"Bearer {access}"}
        document = (await client.post("/api/v1/documents", json=SPEC, headers=auth)).json()
        started = time.perf_counter()
        job = (await client.post(f"/api/v1/documents/{document['id']}/generate",
                                 headers=auth)).json()
        while (state := (await client.get(f"/api/v1/jobs/{job['id']}", headers=auth)).json()
               )["state"] not in ("succeeded", "failed", "cancelled"):
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - started
        written = (await client.get(f"/api/v1/documents/{document['id']}", headers=auth)).json()
    if state["state"] != "succeeded":
        raise RuntimeError(f"the job ended {state['state']}: {state['error']}")
    calls = [r for r in model.requests if r.path.endswith("/chat/completions")]
    prompt_words = sum(len(str(m.get("content") or "").split())
                       for r in calls for m in r.messages)
    return {"elapsed": elapsed, "calls": len(calls), "tokens": state["tokens_used"],
            "prompt": prompt_words, "words": written["word_count"],
            "sections": len(written["sections"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=1.0)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    result = asyncio.run(run(args.latency, args.concurrency))
    per_section = 2 if result["calls"] > SECTIONS + 1 else 1  # before grounding: no check
    body = SECTIONS - 2
    ideal = args.latency * (1 + per_section * (math.ceil(body / args.concurrency) + 1))
    sequential = args.latency * result["calls"]
    completion = result["tokens"] - result["prompt"]
    thousand = result["words"] / 1000
    print(f"{result['sections']:.0f} sections, {result['words']:.0f} words, "
          f"{result['calls']:.0f} model calls of {args.latency:.1f} s, "
          f"SECTION_CONCURRENCY={args.concurrency}\n")
    print("| wall time s | ideal s | sequential s | % of ideal | speed-up over sequential |")
    print("|---|---|---|---|---|")
    print(f"| {result['elapsed']:.1f} | {ideal:.1f} | {sequential:.1f} | "
          f"{100 * ideal / result['elapsed']:.0f}% | {sequential / result['elapsed']:.1f}× |")
    print(f"\ntokens per 1,000 written words: prompt {result['prompt'] / thousand:.0f}, "
          f"completion {completion / thousand:.0f}, total {result['tokens'] / thousand:.0f}")


if __name__ == "__main__":
    main()
