import random

import pytest
from tests.upload_files import ELF, OLE2_DOC, PE, PNG, a_docx, a_docx_skeleton, a_pdf, a_zip

from adapters.uploads.sniff import FileKind, decode_text, sniff
from domain.uploads import UnreadableFile, UnsupportedFileType

UKRAINIAN = "Вимоги до курсової роботи: обсяг 30 сторінок, шрифт 14, ґанок, їжак, євро."
RUSSIAN = "Требования к курсовой работе: объём 30 страниц, ёлка, шрифт 14."


@pytest.mark.parametrize("executable", [PE, ELF], ids=["pe", "elf"])
def test_an_executable_renamed_pdf_is_refused_as_an_executable(executable):
    with pytest.raises(UnsupportedFileType, match="executable"):
        sniff(executable)


@pytest.mark.parametrize("data", [b"#!/bin/sh\nrm -rf /\n", b"\xcf\xfa\xed\xfe" + bytes(60)])
def test_scripts_and_mach_o_programs_are_executables_too(data):
    with pytest.raises(UnsupportedFileType, match="executable"):
        sniff(data)


def test_an_image_is_refused_as_an_image():
    with pytest.raises(UnsupportedFileType, match="an image"):
        sniff(PNG)


def test_a_legacy_word_file_is_refused_with_advice_to_save_it_as_docx():
    with pytest.raises(UnsupportedFileType, match=r"legacy Word \.doc file; save it as \.docx"):
        sniff(OLE2_DOC)


def test_a_zip_that_is_not_a_word_document_is_refused():
    with pytest.raises(UnsupportedFileType, match="ZIP archive that is not a Word document"):
        sniff(a_zip({"readme.txt": b"hello", "word/document.xml": b"<x/>"}))


def test_word_documents_and_pdfs_are_known_by_content():
    assert sniff(a_docx(["Hello"])) is FileKind.DOCX
    assert sniff(a_zip(a_docx_skeleton())) is FileKind.DOCX
    assert sniff(a_pdf("Hello")) is FileKind.PDF
    assert sniff(b"\r\n  junk before the header %PDF-1.7\n") is FileKind.PDF


@pytest.mark.parametrize(("data", "text"), [
    (UKRAINIAN.encode(), UKRAINIAN),
    (b"\xef\xbb\xbf" + UKRAINIAN.encode(), UKRAINIAN),
    (UKRAINIAN.encode("utf-16"), UKRAINIAN),
    (b"\xfe\xff" + UKRAINIAN.encode("utf-16-be"), UKRAINIAN),
    (UKRAINIAN.encode("cp1251"), UKRAINIAN),
    (RUSSIAN.encode("cp1251"), RUSSIAN),
    ("Exigences: mémoire de 30 pages, présentée à l'école.".encode("cp1252"),
     "Exigences: mémoire de 30 pages, présentée à l'école."),
    (b"MZ is a subject code, not a program.\n", "MZ is a subject code, not a program.\n"),
], ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1251-uk", "cp1251-ru",
        "cp1252-fr", "text-starting-MZ"])
def test_plain_text_in_common_encodings_is_text(data, text):
    assert sniff(data) is FileKind.TXT
    assert decode_text(data) == text


def test_random_binary_is_refused():
    noise = random.Random(6).randbytes(4096)
    with pytest.raises(UnsupportedFileType, match="binary"):
        sniff(noise)


def test_binary_without_nul_bytes_is_refused_for_its_control_characters():
    noise = bytes(b for b in random.Random(6).randbytes(4096) if b not in (0, 0x98))
    with pytest.raises(UnsupportedFileType, match="binary"):
        sniff(noise)


def test_utf_16_without_a_byte_order_mark_is_refused():
    with pytest.raises(UnsupportedFileType):
        sniff("Requirements".encode("utf-16-le"))


def test_an_empty_file_is_unreadable():
    with pytest.raises(UnreadableFile, match="empty"):
        sniff(b"")
