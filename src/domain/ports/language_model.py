from abc import abstractmethod
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from domain.errors import DomainError
from domain.quota import Usage


class LanguageModelUnavailable(DomainError):
    """The model server could not answer (down, timing out, rate limiting us, or the circuit
    breaker is open). `retry_after_s` hints when to try again, when known."""

    default_message = "The language model is unavailable right now; try again shortly."

    def __init__(self, message: str | None = None, *, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class InvalidModelOutput(DomainError):
    default_message = "The language model returned an answer that could not be used."


@dataclass(frozen=True, slots=True, kw_only=True)
class Prompt:
    system: str
    user: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Completion:
    text: str
    usage: Usage


TextSink = Callable[[str], Awaitable[None]]


class LanguageModel(Protocol):
    """A chat model behind an OpenAI-compatible API.

    - `complete` returns the whole answer with the usage the server reported; reasoning
      blocks such as `<think>…</think>` are stripped from the text. Chunks are passed to
      `on_text` as they stream in, when given.
    - `complete_json` asks for structured output following `schema` (JSON Schema) and returns
      the parsed object; an answer that is not valid JSON for the schema is asked for again
      a bounded number of times, then InvalidModelOutput. Usage sums all attempts.
    - Transient failures are retried with backoff inside the adapter; what still fails
      raises LanguageModelUnavailable. Nothing is retried by callers.
    - `max_tokens` bounds each completion; `estimate_tokens` gives a safe upper bound of the
      prompt's tokens, so callers can reserve the maximum cost before calling.
      `json_attempts` is how many times `complete_json` may ask at most, so its maximum cost
      is that many times one call's; a caller may ask for fewer `attempts` (never more: the
      smaller of the two holds).
    """

    json_attempts: int

    @abstractmethod
    async def complete(self, prompt: Prompt, *, max_tokens: int,
                       on_text: TextSink | None = None) -> Completion: ...

    @abstractmethod
    async def complete_json(self, prompt: Prompt, *, schema: dict[str, Any], schema_name: str,
                            max_tokens: int, attempts: int | None = None,
                            ) -> tuple[dict[str, Any], Completion]: ...

    @abstractmethod
    def estimate_tokens(self, prompt: Prompt) -> int: ...
