
import io
import pickle
import tracemalloc
import zipfile

import pytest
from pypdf import PdfWriter
from tests import upload_files as files
from tests.upload_files import a_docx, a_docx_skeleton, a_docx_zip_bomb, a_pdf, a_zip

from adapters.uploads.extract import extract_text
from domain.errors import DomainError
from domain.uploads import MAX_UPLOAD_BYTES, FileTooLarge, UnreadableFile, UnsafeFile

REQUIREMENTS = "Вимоги до курсової роботи\nRequirements for the term paper\nОбсяг: 30 сторінок"


def peak_mb_while(action) -> tuple[float, BaseException | None]:
    tracemalloc.start()
    try:
        action()
    except Exception as error:
        return tracemalloc.get_traced_memory()[1] / 2**20, error
    finally:
        tracemalloc.stop()
    return 0.0, None


def test_a_word_document_gives_its_paragraphs_and_table_rows_in_order():
    data = a_docx(["Вимоги до курсової роботи", "Use APA 7."],
                  [[["Критерій", "Бали"], ["Новизна", "20"]]])

    assert extract_text(data).split("\n") == [
        "Вимоги до курсової роботи", "Use APA 7.", "Критерій | Бали", "Новизна | 20"]


def test_a_pdf_gives_its_text():
    assert extract_text(a_pdf(REQUIREMENTS)).split() == REQUIREMENTS.split()


def test_a_repetitive_but_ordinary_word_document_is_not_mistaken_for_a_bomb():
    # word/document.xml alone is compressed about 167:1 here; the archive about 30:1.
    assert extract_text(a_docx(["The same line, again and again."] * 3000)).count("again") == 6000


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating():
    bomb = a_docx_zip_bomb()  # 500 MB declared, about 0.5 MB on the wire

    peak_mb, error = peak_mb_while(lambda: extract_text(bomb))

    assert isinstance(error, UnsafeFile)
    assert "500 MB" in error.message
    assert peak_mb < 20, f"peak {peak_mb:.2f} MB"  # measured: 0.06 MB


def test_an_archive_compressed_more_than_100_to_1_is_refused():
    with pytest.raises(UnsafeFile, match="100:1"):
        extract_text(a_docx_zip_bomb(40))


def test_sizes_that_lie_are_caught_while_reading_in_bounded_chunks():
    liar = files.a_docx_with_lying_sizes()  # declares 126 bytes, inflates to 200 MB

    peak_mb, error = peak_mb_while(lambda: extract_text(liar))

    assert isinstance(error, UnsafeFile)
    assert "declared size or checksum" in error.message
    assert peak_mb < 20, f"peak {peak_mb:.2f} MB"  # 0.3 MB; zipfile.read() peaks at 440 MB


def test_more_than_1000_entries_are_refused():
    entries = a_docx_skeleton(**{f"word/part{n}.xml": b"<x/>" for n in range(1000)})
    with pytest.raises(UnsafeFile, match="more than 1000 entries"):
        extract_text(a_zip(entries))


@pytest.mark.parametrize("name", ["../evil.xml", "word/../../evil.xml", "/etc/passwd",
                                  "C:\\evil.xml", "\\\\server\\share\\x", "C:/evil.xml"])
def test_paths_outside_the_archive_are_refused(name):
    with pytest.raises(UnsafeFile, match="path"):
        extract_text(a_zip(a_docx_skeleton(**{name: b"x"})))


def test_a_symbolic_link_is_refused():
    with pytest.raises(UnsafeFile, match="symbolic link"):
        extract_text(a_zip(a_docx_skeleton(), symlink="word/media/link"))


def test_encrypted_entries_and_unusual_compressions_are_refused():
    with pytest.raises(UnsafeFile, match="compression"):
        extract_text(a_zip(a_docx_skeleton(), compression=zipfile.ZIP_BZIP2))
    with pytest.raises(UnsafeFile, match="encrypted"):
        extract_text(files.a_docx_with_an_encrypted_entry())


def test_a_file_over_10_mb_is_too_large():
    with pytest.raises(FileTooLarge):
        extract_text(b"a" * (MAX_UPLOAD_BYTES + 1))


@pytest.mark.parametrize("make", [lambda: a_pdf(REQUIREMENTS), lambda: a_docx(["Вимоги"] * 50)],
                         ids=["pdf", "docx"])
def test_a_truncated_file_is_unreadable(make):
    data = make()
    with pytest.raises(UnreadableFile, match="damaged") as caught:
        extract_text(data[: len(data) // 2])
    assert caught.value.__cause__ is not None


def _pdf(user_password: str | None = None, *, blank: int = 0) -> bytes:
    writer = PdfWriter() if blank else PdfWriter(clone_from=io.BytesIO(a_pdf(REQUIREMENTS)))
    for _ in range(blank):
        writer.add_blank_page(595, 842)
    if user_password is not None:
        writer.encrypt(user_password=user_password, owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_password_protected_pdf_is_unreadable_but_an_owner_password_alone_is_fine():
    with pytest.raises(UnreadableFile, match="password-protected"):
        extract_text(_pdf(user_password="secret"))
    assert extract_text(_pdf(user_password="")).split() == REQUIREMENTS.split()


def test_a_pdf_without_text_asks_whether_it_is_a_scan_and_one_of_2001_pages_is_refused():
    with pytest.raises(UnreadableFile, match="scanned image"):
        extract_text(_pdf(blank=1))
    with pytest.raises(UnsafeFile, match="more than 2000 pages"):
        extract_text(_pdf(blank=2001))


def test_refusals_survive_the_trip_between_processes():
    for data in (files.PE, a_docx_zip_bomb(), b"", b"x" * (MAX_UPLOAD_BYTES + 1)):
        with pytest.raises(DomainError) as caught:
            extract_text(data)
        refusal = caught.value
        copy = pickle.loads(pickle.dumps(refusal))
        assert (type(copy), copy.message, str(copy)) == (type(refusal), refusal.message,
                                                         str(refusal))
