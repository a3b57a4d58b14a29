from adapters.uploads.extract import extract_text
from domain.ports.uploads import TextExtractor


class InMemoryTextExtractor(TextExtractor):
    """For tests only: parses on the calling thread, with no time or memory ceiling."""

    async def extract(self, data: bytes) -> str:
        return extract_text(data)
