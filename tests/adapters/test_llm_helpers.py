"""The pure helpers of the language-model adapters: reasoning filter, schema check, breaker,
prompt brief."""

import pytest

from adapters.llm.circuit_breaker import CircuitBreaker
from adapters.llm.json_schema import parse_answer, schema_errors
from adapters.llm.offline_brief import read_brief
from adapters.llm.reasoning import ReasoningFilter, strip_reasoning
from domain.ports.language_model import LanguageModelUnavailable

SCHEMA = {"type": "object", "additionalProperties": False, "required": ["items"],
          "properties": {"items": {"type": "array", "minItems": 1, "maxItems": 2,
                                   "items": {"type": "integer", "minimum": 1, "maximum": 9}}}}


@pytest.mark.parametrize(("text", "visible"), [
    ("<think>plan</think>\n\nAnswer", "Answer"),
    ("<THINKING>plan</THINKING>Answer", "Answer"),
    ("Before <think>x</think>after", "Before after"),
    ("<think>never closed", ""),
    ("a < b and c <thin", "a < b and c <thin"),
    ("stray </think> tag", "stray  tag"),
])
def test_strip_reasoning(text: str, visible: str) -> None:
    assert strip_reasoning(text) == visible


def test_the_filter_holds_back_only_what_may_be_a_tag() -> None:
    reasoning = ReasoningFilter()
    shown = [reasoning.feed(chunk) for chunk in ("Hello <", "thi", "nk>secret</", "think> world")]
    shown.append(reasoning.finish())

    assert shown == ["Hello ", "", "", " world", ""]


@pytest.mark.parametrize(("value", "problem"), [
    ({"items": [1, 2]}, None),
    ({"items": []}, "at least 1"),
    ({"items": [1, 2, 3]}, "at most 2"),
    ({"items": [0]}, "below the minimum"),
    ({"items": [True]}, "expected integer"),
    ({"items": [1], "extra": 1}, "unexpected property 'extra'"),
    ({}, "missing required property 'items'"),
])
def test_schema_errors(value: object, problem: str | None) -> None:
    errors = schema_errors(value, SCHEMA)
    if problem is None:
        assert errors == []
    else:
        assert any(problem in error for error in errors), errors


def test_parse_answer_explains_what_is_wrong() -> None:
    assert parse_answer('```json\n{"items": [3]}\n```', SCHEMA) == {"items": [3]}
    with pytest.raises(ValueError, match="not valid JSON"):
        parse_answer("Here you go: {", SCHEMA)
    with pytest.raises(ValueError, match="not an object"):
        parse_answer("[1]", SCHEMA)


def test_the_breaker_opens_pauses_and_probes() -> None:
    now = [0.0]
    breaker = CircuitBreaker(failure_threshold=2, reset_after_s=10, clock=lambda: now[0])
    breaker.admit()
    breaker.failed()
    breaker.succeeded()  # a success in between restarts the count
    for _ in range(2):
        breaker.admit()
        breaker.failed()
    with pytest.raises(LanguageModelUnavailable):
        breaker.admit()

    now[0] = 10.0
    breaker.admit()  # the probe
    with pytest.raises(LanguageModelUnavailable):
        breaker.admit()
    breaker.abandoned()  # the probe was cancelled: the next call may probe
    breaker.admit()
    breaker.succeeded()
    assert not breaker.is_open


def test_the_brief_reads_the_prompt_lines() -> None:
    brief = read_brief("TOPIC: Rivers\nLANGUAGE: uk\nTARGET_WORDS: 700\nSOURCES:\n"
                       "[1] Flow (2001) - A. B\n\n[3] Banks (n.d.)\nSECTION_TITLE: Floods\n")

    assert (brief.topic, brief.language, brief.target_words) == ("Rivers", "uk", 700)
    assert [(s.n, s.title, s.year) for s in brief.sources] == [(1, "Flow", "2001"),
                                                              (3, "Banks", "n.d.")]
    assert brief.section_title == "Floods" and brief.section_count == 5
