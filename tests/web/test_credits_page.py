"""The credits page: the balance, a "Buy" button for each pack that opens Stripe Checkout
(through StartCheckout, as the API's checkout does), and the payment history; with payments
off, "Buy" says so instead."""

import pytest
from tests.memory_container import settings_for
from tests.web.test_sign_in_pages import CSRF, sign_in

from entrypoints.billing_config import DEFAULT_PACKS


async def test_the_page_shows_the_balance_and_a_buy_button_per_pack(client, fakes) -> None:
    await sign_in(client, fakes)
    page = await client.get("/credits")

    assert page.status_code == 200
    assert "You have <strong>" in page.text
    assert page.text.count(">Buy</button>") == len(DEFAULT_PACKS)
    assert "No payments yet." in page.text


async def test_buy_opens_checkout_and_the_payment_is_listed(client, fakes) -> None:
    await sign_in(client, fakes)
    token = CSRF.search((await client.get("/credits")).text).group(1)  # type: ignore[union-attr]

    bought = await client.post("/credits/buy", data={"package_id": "starter",
                                                     "_csrf_token": token},
                               follow_redirects=False)

    [opened] = fakes.gateway.opened.values()
    assert bought.status_code in (302, 303)
    assert bought.headers["location"] == opened.session.url
    page = (await client.get("/credits")).text
    assert "<td>starter</td>" in page and "<td>pending</td>" in page


async def test_an_unknown_pack_is_said_in_a_banner(client, fakes) -> None:
    await sign_in(client, fakes)
    token = CSRF.search((await client.get("/credits")).text).group(1)  # type: ignore[union-attr]
    answer = await client.post("/credits/buy", data={"package_id": "gold", "_csrf_token": token})
    assert answer.status_code == 422 and 'role="alert"' in answer.text
    assert not fakes.gateway.opened


async def test_signed_out_the_page_sends_the_browser_to_sign_in(client) -> None:
    answer = await client.get("/credits", follow_redirects=False)
    assert answer.status_code in (302, 303) and answer.headers["location"] == "/"


class TestPaymentsOff:
    @pytest.fixture
    def settings(self):  # type: ignore[no-untyped-def]
        return settings_for(stripe_secret_key=None)

    async def test_buy_says_payments_are_off_and_stores_nothing(self, client, fakes) -> None:
        await sign_in(client, fakes)
        token = CSRF.search((await client.get("/credits")).text).group(1)  # type: ignore[union-attr]
        answer = await client.post("/credits/buy", data={"package_id": "starter",
                                                         "_csrf_token": token})
        assert answer.status_code == 503 and "not configured" in answer.text
        assert "No payments yet." in answer.text
