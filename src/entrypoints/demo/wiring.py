"""The ports `seed-demo` serves its own way: the offline model and sources whatever is
configured (demo data never reaches a model server or costs money), a checkout that calls no
provider, and webhook events read under a secret of this run alone."""

from dishka import Provider, Scope, provide, provide_all

from adapters.demo.offline_checkout import OfflinePaymentGateway
from adapters.llm.offline_model import OfflineLanguageModel
from adapters.sources.offline import OfflineSourceFinder
from adapters.stripe.events import StripeEventReader
from application.billing.policy import BillingPolicy
from application.demo.list_demo_accounts import ListDemoAccounts
from application.demo.register_demo_account import RegisterDemoAccount
from domain.ports.language_model import LanguageModel
from domain.ports.payment_gateway import CheckoutPages, PaymentEventReader, PaymentGateway
from domain.ports.sources import SourceFinder
from entrypoints.billing_config import credit_packs
from entrypoints.config import Settings


class DemoProvider(Provider):
    scope = Scope.APP
    gateway = provide(OfflinePaymentGateway, provides=PaymentGateway)
    use_cases = provide_all(RegisterDemoAccount, ListDemoAccounts, scope=Scope.REQUEST)

    def __init__(self, webhook_secret: str) -> None:
        super().__init__()
        self._webhook_secret = webhook_secret

    @provide
    def language_model(self) -> LanguageModel:
        return OfflineLanguageModel()

    @provide
    def source_finder(self) -> SourceFinder:
        return OfflineSourceFinder()

    @provide
    def event_reader(self) -> PaymentEventReader:
        return StripeEventReader((self._webhook_secret,))

    @provide
    def billing(self, settings: Settings) -> BillingPolicy:
        """The packs on sale, open to demo checkouts also where Stripe is not configured."""
        app_url = settings.app_url.rstrip("/")
        return BillingPolicy(packs=credit_packs(settings.credit_packs), enabled=True,
                             pages=CheckoutPages(success_url=f"{app_url}/billing/success",
                                                 cancel_url=f"{app_url}/billing/cancelled"))
