from dataclasses import dataclass

from domain.quota import QuotaLimits


@dataclass(frozen=True, slots=True, kw_only=True)
class GenerationPolicy:
    """The operator's knobs for writing documents."""

    limits: QuotaLimits
    sources_per_document: int = 12
    sources_max: int = 120
    sources_per_section: int = 12
    section_concurrency: int = 4
    tokens_per_word: float = 3.0
    reservation_ttl_s: int = 900

    def section_max_tokens(self, target_words: int) -> int:
        """A completion bound generous enough for `target_words` in any script."""
        return min(32_000, int(target_words * self.tokens_per_word) + 256)

    @staticmethod
    def outline_max_tokens(sections: int) -> int:
        return 256 + 96 * sections
