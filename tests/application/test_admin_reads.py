"""Admin use cases over the in-memory adapters: the service's figures, users, the audit log."""

from datetime import timedelta

from tests.application.admin_steps import boss, someone
from tests.memory_container import WEBHOOK_SECRET, settings_for
from tests.stripe_events import checkout_event
from tests.stripe_signing import signature_header

from adapters.memory.database import AUDIT_LOG
from application.admin.adjust_credits import AdjustCredits, CreditAdjustment
from application.admin.block_user import BlockUser
from application.admin.get_service_stats import GetServiceStats
from application.admin.list_audit_log import ListAuditLog
from application.admin.list_users import ListUsers
from application.admin.unblock_user import UnblockUser
from application.billing.handle_payment_event import HandlePaymentEvent
from application.billing.start_checkout import StartCheckout
from application.documents.create_document import CreateDocument, CreateDocumentRequest
from application.generation.policy import GenerationPolicy
from application.jobs.claim_jobs import ClaimJobs
from application.jobs.run_job import RunJob
from application.jobs.start_generation import StartGeneration
from domain.documents import CitationStyle, DocumentSpec, Kind
from domain.jobs import JobState
from domain.languages import Language
from domain.pages import PageRequest
from domain.ports.quota import QuotaLedger
from domain.ports.transactions import TransactionManager
from entrypoints.billing_config import DEFAULT_PACKS

SPEC = DocumentSpec(title="Bridges", topic="Bridge engineering", kind=Kind.ESSAY,
                    language=Language("en"), target_words=1500, citation_style=CitationStyle.APA)


async def test_stats_count_users_documents_jobs_tokens_and_revenue(run, fakes) -> None:
    ada, _ = await someone(run, fakes)
    bob, _ = await someone(run, fakes, "bob@example.com")
    admin = await boss(run, fakes)
    documents = [await run(CreateDocument, CreateDocumentRequest(owner=owner.id, spec=SPEC))
                 for owner in (ada, ada, bob)]
    written = await run(StartGeneration, ada.id, documents[0].id)
    fakes.clock.advance(seconds=1)  # the first claim takes the oldest job
    await run(StartGeneration, bob.id, documents[2].id)
    assert await run(ClaimJobs, "w1", 1, 60) == [written.id]
    finished = await run(RunJob, written.id, "w1")
    pack = DEFAULT_PACKS[0]
    paid, _ = [await run(StartCheckout, ada.id, pack.id) for _ in range(2)]
    payload = checkout_event("evt_1", "checkout.session.completed",
                             payment_id=str(paid.payment_id), amount=pack.price.amount)
    header = signature_header(payload, WEBHOOK_SECRET, int(fakes.clock.now().timestamp()))
    await run(HandlePaymentEvent, payload, header)

    stats = await run(GetServiceStats, admin)

    assert (stats.users, stats.documents) == (3, 3)
    assert dict(stats.jobs) == {JobState.QUEUED: 1, JobState.RUNNING: 0,
                                JobState.SUCCEEDED: 1, JobState.FAILED: 0,
                                JobState.CANCELLED: 0}
    assert stats.tokens_today == finished.tokens_used > 0
    assert stats.revenue == {pack.price.currency: pack.price.amount}
    fakes.clock.advance(days=1)
    assert (await run(GetServiceStats, admin)).tokens_today == 0


async def test_tokens_today_count_what_is_held_as_well(run, fakes, container) -> None:
    admin = await boss(run, fakes)
    async with container() as scope:
        ledger, policy = await scope.get(QuotaLedger), await scope.get(GenerationPolicy)
        await ledger.reserve(admin.id, 1_234, fakes.clock.now(), policy.limits)
        await (await scope.get(TransactionManager)).commit()

    assert (await run(GetServiceStats, admin)).tokens_today == 1_234


async def test_users_are_listed_newest_first_with_blocked_and_credits(run, fakes) -> None:
    ada, _ = await someone(run, fakes)
    bob, _ = await someone(run, fakes, "bob@example.com")
    admin = await boss(run, fakes)
    await run(AdjustCredits, admin, CreditAdjustment(user_id=ada.id, amount=2_500,
                                                     reason="goodwill"))
    await run(BlockUser, admin, bob.id)

    first = await run(ListUsers, admin, PageRequest(limit=2))
    rest = await run(ListUsers, admin, PageRequest(limit=2, offset=2))

    summaries = [*first.items, *rest.items]
    assert [s.user.id for s in summaries] == [admin.id, bob.id, ada.id]
    assert [s.user.blocked for s in summaries] == [False, True, False]
    signup = settings_for().signup_credits
    assert [s.credits for s in summaries] == [signup, signup, signup + 2_500]
    assert (first.total, rest.total, len(rest.items)) == (3, 3, 1)


async def test_the_audit_log_is_listed_newest_first(run, fakes) -> None:
    ada, _ = await someone(run, fakes)
    admin = await boss(run, fakes)
    fakes.clock.advance(minutes=1)
    await run(BlockUser, admin, ada.id, ip="203.0.113.9")
    fakes.clock.advance(minutes=1)
    await run(UnblockUser, admin, ada.id, ip="203.0.113.9")

    page = await run(ListAuditLog, admin, PageRequest(limit=2))

    assert [entry.action for entry in page.items] == ["admin.user_unblocked",
                                                      "admin.user_blocked"]
    assert page.total == len(fakes.db.tables[AUDIT_LOG]) > 2
    assert [entry.at for entry in page.items] == [fakes.clock.now(),
                                                  fakes.clock.now() - timedelta(minutes=1)]
