"""`tesigo seed-demo`: demo accounts, documents, jobs and payments in the configured
database, all made through the use cases (so every rule, ledger entry and audit entry is the
real one), the same every run for the same arguments, and never made twice."""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass, field

from application.auth.delete_account import DeleteAccount
from application.auth.update_profile import UpdateProfile, UpdateProfileRequest
from application.billing.policy import BillingPolicy
from application.demo.list_demo_accounts import ListDemoAccounts
from application.demo.register_demo_account import DemoAccount, RegisterDemoAccount
from domain.jobs import JobState
from domain.ports.system import Clock
from domain.users import User
from entrypoints.config import Settings
from entrypoints.demo.calls import Calls
from entrypoints.demo.documents import seed_documents
from entrypoints.demo.jobs import run_jobs
from entrypoints.demo.payments import seed_payments
from entrypoints.demo.plan import demo_plan
from entrypoints.demo.wiring import DemoProvider
from entrypoints.ioc import make_container

JOBS_TIMEOUT_S = 900.0


@dataclass(kw_only=True)
class SeedReport:
    removed: int = 0
    accounts_created: int = 0
    accounts_kept: int = 0
    documents_created: int = 0
    documents_kept: int = 0
    sections_written: int = 0
    documents_short: int = 0
    payments_created: int = 0
    jobs: Counter[JobState] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    styles: Counter[str] = field(default_factory=Counter)

    @property
    def jobs_failed(self) -> int:
        return self.jobs[JobState.FAILED]

    def lines(self) -> list[str]:
        def counted(counter: Counter[str]) -> str:
            return ", ".join(f"{name} {count}" for name, count in sorted(counter.items()))

        return [
            f"demo accounts: {self.accounts_created} created, {self.accounts_kept} kept, "
            f"{self.removed} removed first",
            f"documents: {self.documents_created} created, {self.documents_kept} kept; "
            f"{self.sections_written} sections written one by one"
            + (f"; {self.documents_short} left short (credits or daily limit ran out)"
               if self.documents_short else ""),
            "jobs run: " + (counted(Counter({s.value: n for s, n in self.jobs.items()}))
                            or "none"),
            f"payments: {self.payments_created} created",
            "languages: " + (counted(self.languages) or "none"),
            "citation styles: " + (counted(self.styles) or "none"),
        ]


async def seed_demo(settings: Settings, *, users: int, documents: int, payments: bool,
                    reset: bool, seed: int) -> SeedReport:
    webhook_secret = secrets.token_hex(24)  # this run's alone: nobody else can sign for it
    container = make_container(settings, DemoProvider(webhook_secret))
    try:
        call = Calls(container)
        packs = tuple(p.id for p in (await container.get(BillingPolicy)).packs)
        plan = demo_plan(users=users, documents=documents, seed=seed,
                         pack_ids=packs if payments else ())
        report = SeedReport()
        if reset:
            for user in await call(ListDemoAccounts):
                await call(DeleteAccount, user.id)
                report.removed += 1
        people: list[User] = []
        for person in plan.people:
            account: DemoAccount = await call(RegisterDemoAccount, person.email)
            people.append(await call(UpdateProfile, UpdateProfileRequest(
                user_id=account.user.id, display_name=person.display_name)))
            report.accounts_created += account.created
            report.accounts_kept += not account.created
        report.payments_created = await seed_payments(
            call, await container.get(Clock), webhook_secret, plan.payments, people)
        made = await seed_documents(call, plan.documents, people)
        ended = await run_jobs(container, settings, made.jobs, timeout_s=JOBS_TIMEOUT_S)
        report.documents_created, report.documents_kept = made.created, made.kept
        report.sections_written, report.documents_short = made.sections, made.short
        report.jobs.update(job.state for job in ended)
        report.languages.update(d.spec.language.code for d in plan.documents)
        report.styles.update(d.spec.citation_style.value for d in plan.documents)
        return report
    finally:
        await container.close()
