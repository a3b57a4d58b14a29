from application.auth.admission import admitted
from application.two_factor.policy import SecondFactorPolicy
from domain.documents import Document
from domain.errors import NotFound
from domain.ids import DocumentId
from domain.ports.document_reads import OwnDocumentReads
from domain.ports.system import Clock
from domain.ports.tokens import TokenIssuer


class ReadOwnDocument:
    """One document of the caller behind an access token, the caller and the document read
    together (GetDocument after Authenticate, in one read instead of two units of work).

    - the caller is authenticated exactly as Authenticate does, before the document counts:
      a bad token or a caller not `admitted` is NotAuthenticated, whatever the document id
    - another user's document is NotFound, like a missing one
    """

    def __init__(self, issuer: TokenIssuer, reads: OwnDocumentReads, clock: Clock,
                 second_factor: SecondFactorPolicy) -> None:
        self._issuer, self._reads, self._clock = issuer, reads, clock
        self._second_factor = second_factor

    async def __call__(self, access_token: str, id: DocumentId) -> Document:
        claims = self._issuer.verify(access_token, self._clock.now())
        found = await self._reads.caller_and_document(claims.user_id, id)
        admitted(found.user, claims, self._second_factor)
        if found.document is None:
            raise NotFound("No such document.")
        return found.document
