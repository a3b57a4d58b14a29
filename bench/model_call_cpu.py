"""CPU time per model call of `OpenAiLanguageModel`, against the local test server.

    uv run python bench/model_call_cpu.py [--calls 200] [--words 300] [--in-flight 1]

The test server (a uvicorn thread in this process) answers at once with a streamed section
of about `--words` words (~4 words a chunk, as in bench/worker_throughput.py). The client's
CPU is the event loop thread's own time (`time.thread_time`), so the server's thread is not
counted; the process's time (server included) is shown beside it. A bare httpx stream of the
same request, reading the lines and nothing else, is the floor to compare with. Figures are
means per call after a few warm-up calls.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.integration.openai_server import OpenAiTestServer  # noqa: E402

from adapters.llm.openai_model import OpenAiLanguageModel  # noqa: E402
from domain.ports.language_model import Prompt  # noqa: E402

WARM_UP = 5


async def measure(call: Callable[[], Awaitable[object]], calls: int,
                  in_flight: int) -> tuple[float, float, float]:
    """(client thread CPU ms, process CPU ms, wall ms) per call."""
    for _ in range(WARM_UP):
        await call()
    thread, process, wall = time.thread_time(), time.process_time(), time.perf_counter()

    async def one_lane(count: int) -> None:
        for _ in range(count):
            await call()

    await asyncio.gather(*(one_lane(calls // in_flight) for _ in range(in_flight)))
    done = calls // in_flight * in_flight
    return (1000 * (time.thread_time() - thread) / done,
            1000 * (time.process_time() - process) / done,
            1000 * (time.perf_counter() - wall) / done)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--in-flight", type=int, default=1)
    args = parser.parse_args()
    prompt = Prompt(system="You write.", user=f"TOPIC: Bridges\nTARGET_WORDS: {args.words}\n")
    with OpenAiTestServer() as server:
        model = OpenAiLanguageModel(api_key="bench", base_url=server.base_url, model="bench")
        async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as bare:
            body = {"model": "bench", "stream": True, "max_tokens": args.words,
                    "stream_options": {"include_usage": True},
                    "messages": [{"role": "system", "content": prompt.system},
                                 {"role": "user", "content": prompt.user}]}

            async def bare_stream() -> None:
                async with bare.stream("POST", "/chat/completions", json=body) as response:
                    async for _ in response.aiter_lines():
                        pass

            async def adapter() -> None:
                await model.complete(prompt, max_tokens=args.words)

            rows = [("OpenAiLanguageModel.complete", await measure(adapter, args.calls,
                                                                    args.in_flight)),
                    ("bare httpx stream (floor)", await measure(bare_stream, args.calls,
                                                                args.in_flight))]
        await model.aclose()
    print(f"{args.calls} calls, {args.in_flight} in flight, ~{args.words} words each\n")
    print("| client | client CPU ms/call | process CPU ms/call (server incl.) | wall ms/call |")
    print("|---|---|---|---|")
    for name, (thread, process, wall) in rows:
        print(f"| {name} | {thread:.2f} | {process:.2f} | {wall:.2f} |")


if __name__ == "__main__":
    asyncio.run(main())
