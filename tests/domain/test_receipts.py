"""Only a payment that succeeded has a receipt; a refunded one's carries its refund."""

from dataclasses import replace
from datetime import timedelta
from uuid import uuid4

import pytest
from tests.builders import NOW
from tests.payment_builders import a_payment

from domain.ids import UserId
from domain.payments import PaymentStatus
from domain.receipts import NoReceipt, Receipt, Seller

SELLER = Seller(name="TesiGo")
OWNER = UserId(uuid4())


@pytest.mark.parametrize("status", [PaymentStatus.PENDING, PaymentStatus.FAILED])
def test_no_receipt_before_a_payment_succeeds(status: PaymentStatus) -> None:
    payment = replace(a_payment(user=OWNER), status=status)
    with pytest.raises(NoReceipt):
        Receipt.of(payment, seller=SELLER, buyer_email="ada@example.com", item="Starter")


def test_a_succeeded_payment_has_a_receipt_and_a_refunded_one_says_when() -> None:
    payment = replace(a_payment(user=OWNER), status=PaymentStatus.SUCCEEDED)
    receipt = Receipt.of(payment, seller=SELLER, buyer_email="ada@example.com", item="Starter")
    assert (receipt.price, receipt.credits, receipt.payment_id, receipt.refunded_at) == (
        payment.price, payment.credits, payment.id, None)
    later = NOW + timedelta(days=3)
    refunded = replace(payment, status=PaymentStatus.REFUNDED, updated_at=later)
    assert Receipt.of(refunded, seller=SELLER, buyer_email="a@b.c", item="x").refunded_at == later
