"""Renders an English and a Ukrainian export and writes PNGs of their title page, contents
page, a text page and the closing "About this document" page to docs/exports/, for people
to look at.

    uv run python docs/make_previews.py

Needs pdftoppm (poppler-utils) on the machine; the project itself does not."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.manuscripts import a_manuscript  # noqa: E402

from adapters.rendering.pdf import render_pdf  # noqa: E402

OUT = ROOT / "docs" / "exports"
PAGES = {"title": 1, "contents": 2, "text": 3, "about": -1}  # -1: the last page
RESOLUTION = 60


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for language, numbered in (("en", False), ("uk", True)):
        pdf = render_pdf(a_manuscript(language=language, sections=4, paragraphs=4,
                                      words_per_paragraph=70, numbered=numbered))
        with tempfile.TemporaryDirectory() as work:
            source = Path(work) / "export.pdf"
            source.write_bytes(pdf)
            last = len(PdfReader(BytesIO(pdf)).pages)
            for name, number in PAGES.items():
                page = last if number == -1 else number
                target = OUT / f"{language}-{name}"
                subprocess.run(  # noqa: S603
                    ["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", str(page), "-l",  # noqa: S607
                     str(page), "-singlefile", str(source), str(target)], check=True)
                size = target.with_suffix(".png").stat().st_size
                print(f"{target.with_suffix('.png').relative_to(ROOT)}: {size // 1024} KB")


if __name__ == "__main__":
    main()
