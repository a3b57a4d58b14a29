from abc import abstractmethod
from typing import Protocol

from domain.receipts import Receipt


class ReceiptRenderer(Protocol):
    """Receipts as PDF.

    - `render` returns the receipt as a PDF document: seller, buyer, item, credits, amount
      and currency, date, payment id, and the refund when there was one. Raises RenderFailed
      (domain.ports.exports) when it cannot be rendered in time or at all.
    """

    @abstractmethod
    async def render(self, receipt: Receipt) -> bytes: ...
