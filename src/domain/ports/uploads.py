from abc import abstractmethod
from typing import Protocol


class TextExtractor(Protocol):
    """The text of an uploaded requirements file.

    - The type is decided by the content alone (magic bytes, then the parser), never by a
      file name or a declared content type. PDF, DOCX and plain text (UTF-8, UTF-16 with a
      byte-order mark, or a single-byte Cyrillic or Latin encoding) are accepted; anything
      else raises UnsupportedFileType.
    - A DOCX's zip entries are checked before any is inflated: at most 1000 entries, at most
      50 MB uncompressed in all, the archive compressed no more than 100:1 as a whole (a
      single ordinary document.xml can pass 100:1 on its own), no absolute or `..` paths,
      no symbolic links, no encrypted entries; otherwise UnsafeFile. Entries are then read
      in bounded chunks, so sizes the archive lies about are caught too.
    - A damaged file, or one with no text, raises UnreadableFile.
    - Parsing runs off the event loop under a time and memory ceiling; a file that breaks
      them raises UnsafeFile.
    - The text is returned raw; `domain.uploads.normalise_requirements` cleans it.
    """

    @abstractmethod
    async def extract(self, data: bytes) -> str: ...
