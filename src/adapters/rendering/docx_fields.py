"""WordprocessingML pieces python-docx has no API for: complex fields (TOC, PAGE), the
setting that makes Word update fields on open, fonts for every script, and a frame that
holds paragraphs at the foot of a page."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

# Children of w:settings that the schema puts after w:updateFields.
_AFTER_UPDATE_FIELDS = {qn(f"w:{name}") for name in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator")} | {qn("m:mathPr")}


def begin_field(paragraph: Paragraph, instruction: str) -> None:
    """fldChar begin, the instruction, fldChar separate: what follows is the field's
    result until `end_field`, in this paragraph or a later one."""
    _field_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    _field_char(paragraph, "separate")


def end_field(paragraph: Paragraph) -> None:
    _field_char(paragraph, "end")


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A whole field in one paragraph, showing `placeholder` until Word computes it."""
    begin_field(paragraph, instruction)
    paragraph.add_run(placeholder)
    end_field(paragraph)


def update_fields_on_open(settings: BaseOxmlElement) -> None:
    """`<w:updateFields w:val="true"/>` in its schema position, so Word fills the table of
    contents (with page numbers) when the file is opened."""
    element = OxmlElement("w:updateFields", {qn("w:val"): "true"})
    following = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
    if following is None:
        settings.append(element)
    else:
        following.addprevious(element)


def set_fonts(rpr: BaseOxmlElement, name: str) -> None:
    """The font for Latin, Cyrillic, East Asian and complex scripts alike, replacing theme
    fonts (which would win over a named font)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), name)


def set_language(rpr: BaseOxmlElement, tag: str) -> None:
    """The proofing and hyphenation language of the text (w:lang, last of the common
    run properties)."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


# Children of w:pPr that the schema puts after w:framePr.
_AFTER_FRAME = tuple(f"w:{name}" for name in (
    "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs",
    "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
    "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr",
    "pPrChange"))


def at_foot(paragraph: Paragraph, width_twips: int) -> None:
    """The paragraph in a frame as wide as the text area, set on the bottom margin: it
    ends the page whatever stands above it. Consecutive paragraphs framed alike share one
    frame, in their order."""
    frame = OxmlElement("w:framePr", {
        qn("w:w"): str(width_twips), qn("w:wrap"): "notBeside", qn("w:vAnchor"): "margin",
        qn("w:hAnchor"): "margin", qn("w:xAlign"): "center", qn("w:yAlign"): "bottom"})
    paragraph._p.get_or_add_pPr().insert_element_before(frame, *_AFTER_FRAME)


def _field_char(paragraph: Paragraph, kind: str) -> None:
    paragraph.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
