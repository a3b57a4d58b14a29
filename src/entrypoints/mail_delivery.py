"""Delivering the e-mail outbox, from the worker's loop and right after a sign-in answer
alike: the one place every delivery passes, so the one place that counts them and says
why one failed."""

from __future__ import annotations

import structlog
from dishka import AsyncContainer
from prometheus_client import Counter

from application.mail.deliver_outbox import DeliverOutbox, DeliveryReport

EMAILS = Counter("tesigo_emails_total", "E-mails handed to the mail transport", ["outcome"])
for _outcome in ("sent", "failed"):  # both series exist (at 0) before the first e-mail
    EMAILS.labels(_outcome)
log = structlog.get_logger("tesigo.mail")


async def deliver_outbox(container: AsyncContainer) -> DeliveryReport:
    """Send what is due in a scope (a transaction) of its own; count and log the outcome."""
    async with container() as scope:
        report = await (await scope.get(DeliverOutbox))()
    EMAILS.labels("sent").inc(report.sent)
    EMAILS.labels("failed").inc(report.failed)
    for failure in report.failures:
        log.warning("e-mail delivery failed", message_id=str(failure.message_id),
                    attempts=failure.attempts, smtp_code=failure.code, server=failure.server,
                    reason=failure.reason,
                    retry_at=None if failure.retry_at is None else failure.retry_at.isoformat())
    if report.sent or report.failed:
        log.info("outbox delivered", sent=report.sent, failed=report.failed)
    return report
