"""How every page handler runs, written once: who is signed in (else the sign-in page), a
page rendered with what the top bar needs, and a change that either goes on to the next
page or shows the same page again with the problem in a banner."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from litestar import Request, Response
from litestar.exceptions import HTTPException
from litestar.response import Redirect, Template

from domain.errors import DomainError, NotFound
from domain.users import User
from entrypoints.http.errors import status_of
from entrypoints.web.i18n import N_
from entrypoints.web.session import WebSession

T = TypeVar("T")


class SignedOut(Exception):
    """The browser has no session (or the server ended it): the sign-in page."""


def signed_out(_: Request[Any, Any, Any], __: SignedOut) -> Response[Any]:
    """The page routers' handler for `SignedOut`."""
    return Redirect("/")


def problem_page(_: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    """The page routers' handler for a refusal no handler turned into a page: a page that
    says what happened (the not-found page for another user's thing), never a JSON body."""
    if isinstance(error, NotFound):
        return Template("not_found.html.j2", status_code=404, context={"user": None})
    headers: dict[str, str] = {}
    if isinstance(error, DomainError):
        status, message = status_of(error), error.message
    elif isinstance(error, HTTPException):
        status, message = error.status_code, N_("This request cannot be carried out.")
        headers = dict(error.headers or {})
    else:
        raise error
    return Template("problem.html.j2", status_code=status, headers=headers, context={
        "user": None, "message": message})


def signed_in(session: WebSession) -> User:
    if session.user is None:
        raise SignedOut
    return session.user


def page(session: WebSession, template: str, status_code: int = 200,
         **context: Any) -> Template:
    """`template` with the caller and their balance for the top bar."""
    return Template(template, status_code=status_code, context={
        "user": session.user, "balance": session.credits, **context})


async def attempt(session: WebSession, act: Callable[[User], Awaitable[T]], *,
                  then: Callable[[T], str],
                  again: Callable[[DomainError], Awaitable[Template]]) -> Response[Any]:
    """`act` for the signed-in caller, then the page at `then(result)`; refused, the page
    `again(error)` renders (the problem in its banner, with the refusal's status)."""
    user = signed_in(session)
    try:
        done = await act(user)
    except DomainError as error:
        return session.keep(await again(error))
    return session.keep(Redirect(then(done)))
