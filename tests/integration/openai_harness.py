"""What the OpenAiLanguageModel tests share: a fake clock and sleep, and a model factory."""

from __future__ import annotations

from typing import Any

from tests.integration.openai_server import OpenAiTestServer

from adapters.llm.openai_model import OpenAiLanguageModel
from domain.ports.language_model import Prompt

PROMPT = Prompt(system="You write.", user="TOPIC: Bridges\nTARGET_WORDS: 40\nWrite.")
API_KEY = "sk-test-secret-0123456789"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Harness:
    """A fresh view of the shared server: no planned replies, no recorded requests."""

    def __init__(self, server: OpenAiTestServer) -> None:
        server.reset()
        self.server, self.clock, self.sleeps = server, FakeClock(), list[float]()
        self._models: list[OpenAiLanguageModel] = []

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def model(self, **options: Any) -> OpenAiLanguageModel:
        settings: dict[str, Any] = dict(api_key=API_KEY, base_url=self.server.base_url,
                                        model="primary", timeout_s=0.3, clock=self.clock,
                                        sleep=self.sleep)
        model = OpenAiLanguageModel(**(settings | options))
        self._models.append(model)
        return model

    async def aclose(self) -> None:
        for model in self._models:
            await model.aclose()

    @property
    def models_asked(self) -> list[str | None]:
        return [request.model for request in self.server.requests]
