"""The language model, scholarly search and the bibliography formatter."""

from collections.abc import AsyncIterator

import httpx
from dishka import Provider, Scope, provide

from adapters.bibliography.citeproc_formatter import CiteprocBibliographyFormatter
from adapters.llm.offline_model import OfflineLanguageModel
from adapters.llm.openai_model import OpenAiLanguageModel
from adapters.sources.merged import MergedSourceFinder
from adapters.sources.offline import OfflineSourceFinder
from adapters.sources.openalex import OpenAlexSourceFinder
from adapters.sources.semantic_scholar import SemanticScholarSourceFinder
from application.generation.policy import GenerationPolicy
from domain.ports.bibliography import BibliographyFormatter
from domain.ports.language_model import LanguageModel
from domain.ports.sources import SourceFinder
from domain.quota import QuotaLimits
from entrypoints.config import Settings, SourcesProvider
from entrypoints.metrics import ObservedLanguageModel

SEARCH_TIMEOUT_S = 20.0
UNUSED_KEY = "not-needed"  # local OpenAI-compatible servers (vLLM, Ollama) take any key


class GenerationProvider(Provider):
    scope = Scope.APP

    @provide
    def bibliography(self) -> BibliographyFormatter:
        return CiteprocBibliographyFormatter()

    @provide
    def policy(self, settings: Settings) -> GenerationPolicy:
        return GenerationPolicy(
            limits=QuotaLimits(daily_tokens=settings.daily_token_limit,
                               global_daily_tokens=settings.global_daily_token_limit),
            sources_max=settings.sources_max, sources_per_section=settings.sources_per_section,
            section_concurrency=settings.section_concurrency)

    @provide
    async def http_client(self) -> AsyncIterator[httpx.AsyncClient]:
        async with httpx.AsyncClient(timeout=SEARCH_TIMEOUT_S) as client:
            yield client

    @provide
    async def language_model(self, settings: Settings) -> AsyncIterator[LanguageModel]:
        if settings.offline_model:
            yield ObservedLanguageModel(OfflineLanguageModel())
            return
        model = OpenAiLanguageModel(
            api_key=settings.openai_api_key or UNUSED_KEY, base_url=settings.openai_base_url,
            model=settings.llm_model, fallback_model=settings.llm_fallback_model,
            timeout_s=settings.llm_timeout_s)
        yield ObservedLanguageModel(model)
        await model.aclose()

    @provide
    def source_finder(self, settings: Settings, client: httpx.AsyncClient) -> SourceFinder:
        chosen = settings.sources_provider
        if chosen is SourcesProvider.OFFLINE:
            return OfflineSourceFinder()
        # With both, the other provider stands in for a failing one: not worth long retries.
        attempts = 2 if chosen is SourcesProvider.BOTH else 4
        semantic_scholar = SemanticScholarSourceFinder(
            client=client, base_url=settings.semantic_scholar_base_url,
            api_key=settings.semantic_scholar_api_key, max_attempts=attempts)
        openalex = OpenAlexSourceFinder(client=client, base_url=settings.openalex_base_url,
                                        max_attempts=attempts)
        if chosen is SourcesProvider.SEMANTIC_SCHOLAR:
            return semantic_scholar
        if chosen is SourcesProvider.OPENALEX:
            return openalex
        return MergedSourceFinder([("Semantic Scholar", semantic_scholar),
                                   ("OpenAlex", openalex)])
