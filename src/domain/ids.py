from typing import NewType
from uuid import UUID

UserId = NewType("UserId", UUID)
DocumentId = NewType("DocumentId", UUID)
SessionFamilyId = NewType("SessionFamilyId", UUID)
MagicLinkId = NewType("MagicLinkId", UUID)
OutboxMessageId = NewType("OutboxMessageId", UUID)
AuditEntryId = NewType("AuditEntryId", UUID)
ReservationId = NewType("ReservationId", UUID)
LedgerEntryId = NewType("LedgerEntryId", UUID)
JobId = NewType("JobId", UUID)
PaymentId = NewType("PaymentId", UUID)
