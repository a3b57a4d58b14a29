import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.errors import InvalidInput
from domain.languages import Language
from domain.outbox import EmailMessage, OutboxMessage
from domain.pages import MAX_OFFSET, PageRequest
from domain.ports.rate_limits import Rate
from domain.users import Email


def a_spec(**changes: object) -> DocumentSpec:
    fields: dict[str, object] = dict(title="On bridges", topic="Suspension bridges",
                                     kind=Kind.ESSAY, language=Language("en"), target_words=1500,
                                     citation_style=CitationStyle.APA)
    fields.update(changes)
    return DocumentSpec(**fields)  # type: ignore[arg-type]


@given(st.emails())
def test_email_normalises_to_lower_case_and_is_idempotent(address: str) -> None:
    email = Email(address)
    assert email.value == address.strip().lower()
    assert Email(email.value) == email


@pytest.mark.parametrize("bad", ["", "plain", "a@b", "a@@b.com", "a b@c.com", "a@b..com",
                                 "x" * 250 + "@b.com"])
def test_email_refuses_what_is_not_an_address(bad: str) -> None:
    with pytest.raises(InvalidInput) as error:
        Email(bad)
    assert error.value.field == "email"


@given(st.integers(min_value=-10, max_value=200_000))
def test_target_words_bounds(words: int) -> None:
    if 300 <= words <= 100_000:
        assert a_spec(target_words=words).target_words == words
    else:
        with pytest.raises(InvalidInput) as error:
            a_spec(target_words=words)
        assert error.value.field == "target_words"


@pytest.mark.parametrize(("field", "value"), [("title", "   "), ("topic", ""),
                                              ("title", "t" * 301)])
def test_spec_names_the_bad_field(field: str, value: str) -> None:
    with pytest.raises(InvalidInput) as error:
        a_spec(**{field: value})
    assert error.value.field == field


def test_unknown_language_is_refused() -> None:
    with pytest.raises(InvalidInput):
        Language("xx")
    assert Language("uk").code == "uk"


def test_spec_changes_are_validated_and_unknown_fields_refused() -> None:
    spec = a_spec()
    assert spec.with_changes({"title": "  New  "}).title == "New"
    with pytest.raises(InvalidInput):
        spec.with_changes({"target_words": 5})
    with pytest.raises(InvalidInput):
        spec.with_changes({"owner": "someone"})


@pytest.mark.parametrize(("text", "rate"), [("5/hour", Rate(5, 3600)),
                                            ("20/minute", Rate(20, 60)),
                                            ("1/second", Rate(1, 1)), ("7/day", Rate(7, 86400))])
def test_rate_parses(text: str, rate: Rate) -> None:
    assert Rate.parse(text) == rate


@pytest.mark.parametrize("text", ["5", "0/hour", "x/hour", "5/week", "-1/day"])
def test_rate_refuses_nonsense(text: str) -> None:
    with pytest.raises(InvalidInput):
        Rate.parse(text)


@given(st.integers(min_value=1, max_value=30))
def test_outbox_retries_later_and_later_but_never_past_half_an_hour(failures: int) -> None:
    from datetime import UTC, datetime, timedelta
    from uuid import uuid4

    from domain.ids import OutboxMessageId

    now = datetime(2026, 1, 1, tzinfo=UTC)
    message = OutboxMessage.enqueue(id=OutboxMessageId(uuid4()), now=now, message=EmailMessage(
        to="a@b.com", subject="s", text="link", html="<p>link</p>"))
    delays = []
    for _ in range(failures):
        message = message.failed("down", now)
        delays.append(message.next_attempt_at - now)
    assert delays == sorted(delays)
    assert delays[-1] <= timedelta(minutes=30)
    sent = message.delivered(now)
    assert sent.sent_at == now and sent.message.text == "" and sent.message.html == ""
    assert not sent.is_due(now + timedelta(days=1))


def test_an_idempotency_record_replays_only_the_same_finished_request() -> None:
    from domain.idempotency import (
        IdempotencyKeyInUse,
        IdempotencyKeyReused,
        IdempotencyRecord,
        StoredResponse,
    )

    running = IdempotencyRecord(request_hash="a")
    with pytest.raises(IdempotencyKeyInUse):
        running.replay("a")
    with pytest.raises(IdempotencyKeyReused):
        running.replay("b")
    done = IdempotencyRecord(request_hash="a", response=StoredResponse(status=202, body=b"{}"))
    assert done.replay("a").status == 202
    with pytest.raises(IdempotencyKeyReused):
        done.replay("b")


@pytest.mark.parametrize("offset", [-1, MAX_OFFSET + 1, 2**63])
def test_a_page_request_keeps_its_offset_within_bounds(offset) -> None:
    with pytest.raises(InvalidInput, match="offset"):
        PageRequest(limit=10, offset=offset)
    assert PageRequest(limit=10, offset=MAX_OFFSET).offset == MAX_OFFSET
