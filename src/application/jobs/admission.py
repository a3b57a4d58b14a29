"""Which steps of a partial job may start: those whose maximum still fits."""

import asyncio
from collections.abc import Awaitable, Callable

from application.generation.fit import Room
from domain.documents import Document
from domain.jobs import GenerationJob
from domain.quota import LimitKind, QuotaExceeded

_LIMIT_WORDS = {LimitKind.CREDITS: "your credits", LimitKind.DAILY: "your daily limit",
                LimitKind.GLOBAL_DAILY: "the service's daily limit"}


class Admission:
    """Lets the steps of a partial job start while what they may reserve fits.

    - a step starts when its maximum, with the maxima of the steps in flight, fits what the
      caller has left now (`room`); else it waits for those steps to end, and is left out
      when it does not fit with none in flight
    - a step whose call is refused all the same (someone spent meanwhile) is left out too;
      nothing it reserved is kept
    - `left_out` counts the steps left out, `limit` names the limit that left one out last
    """

    def __init__(self, room: Callable[[], Awaitable[Room]]) -> None:
        self._room, self._changed = room, asyncio.Condition()
        self._in_flight: list[int] = []
        self.left_out = 0
        self.limit: LimitKind | None = None

    async def run(self, most: int, step: Callable[[], Awaitable[bool]]) -> bool:
        """`step`'s answer, or True when it was left out (the job goes on without it)."""
        if not await self._enter(most):
            return self._leave_out(None)
        try:
            return await step()
        except QuotaExceeded as refused:
            return self._leave_out(refused.limit)
        finally:
            async with self._changed:
                self._in_flight.remove(most)
                self._changed.notify_all()

    def stopped(self, job: GenerationJob, document: Document) -> str | None:
        """How far `job` got on `document` and why it stopped; None when nothing was left
        out."""
        if not self.left_out:
            return None
        why = _LIMIT_WORDS[self.limit or LimitKind.CREDITS]
        if not document.outline:
            return f"stopped: nothing written; the outline did not fit {why}"
        done = sum(1 for s in document.sections
                   if (job.sections is None or s.index in job.sections) and job.wrote(s))
        return (f"stopped: {done} of {done + self.left_out} sections written; the rest did "
                f"not fit {why}")

    async def _enter(self, most: int) -> bool:
        async with self._changed:
            while True:
                broken = (await self._room()).broken_by(most + sum(self._in_flight))
                if broken is None:
                    self._in_flight.append(most)
                    return True
                if not self._in_flight:
                    self.limit = broken
                    return False
                await self._changed.wait()

    def _leave_out(self, limit: LimitKind | None) -> bool:
        self.left_out += 1
        self.limit = limit or self.limit
        return True
