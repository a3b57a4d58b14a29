"""GET /api/v1/billing/payments/{id}/receipt: the owner's succeeded payment as a PDF, 404
for anyone else's or an unknown id, 409 while it is pending."""

import io
from uuid import uuid4

from pypdf import PdfReader
from tests.http.test_billing_api import WEBHOOK, checkout, paid, signed

RECEIPT = "/api/v1/billing/payments/{}/receipt"


async def test_a_paid_payment_has_a_receipt_only_its_owner_sees(client, api, fakes) -> None:
    ada = await api.headers("ada@example.com")
    payment_id = (await checkout(client, ada))["payment_id"]
    assert (await client.get(RECEIPT.format(payment_id), headers=ada)).status_code == 409

    payload = paid(payment_id)
    delivered = await client.post(WEBHOOK, content=payload, headers=signed(payload, fakes))
    assert delivered.status_code == 200

    response = await client.get(RECEIPT.format(payment_id), headers=ada)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert f"tesigo-receipt-{payment_id}.pdf" in response.headers["content-disposition"]
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert payment_id in text and "4.99 EUR" in text and "ada@example.com" in text
    assert "Starter" in text

    bob = await api.headers("bob@example.com")
    assert (await client.get(RECEIPT.format(payment_id), headers=bob)).status_code == 404
    assert (await client.get(RECEIPT.format(uuid4()), headers=ada)).status_code == 404
    assert (await client.get(RECEIPT.format(payment_id))).status_code == 401


async def test_a_pending_payment_says_why_it_has_no_receipt(client, api) -> None:
    ada = await api.headers()
    payment_id = (await checkout(client, ada))["payment_id"]
    response = await client.get(RECEIPT.format(payment_id), headers=ada)
    assert response.status_code == 409
    assert "not succeeded" in response.json()["detail"]


async def test_the_schema_lists_the_receipt(client) -> None:
    schema = (await client.get("/schema/openapi.json")).json()
    operation = schema["paths"]["/api/v1/billing/payments/{payment_id}/receipt"]["get"]
    assert "application/pdf" in operation["responses"]["200"]["content"]
