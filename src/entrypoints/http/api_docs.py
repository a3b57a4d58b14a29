"""Swagger UI at /schema/swagger, with its scripts and styles served by the app (see
`static/swagger/README.md`): it works offline, and its page needs nothing but 'self'."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from litestar import Request, Router
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.static_files import create_static_files_router

SWAGGER_UI_VERSION = "5.18.2"
STATIC_DIRECTORY = Path(__file__).parent / "static" / "swagger"
STATIC_PATH = "/static"  # under the OpenAPI router's path
SCHEMA_PATH = "/schema"


class SelfHostedSwagger(SwaggerRenderPlugin):
    """Litestar's Swagger UI pointed at the vendored files, on a page with no inline script
    or style: `swagger-initializer.js` starts it and fetches the OpenAPI document, so the
    page's CSP can stay at 'self' (no 'unsafe-inline', no hash to keep in step with the
    document). Neither OAuth2 nor the standalone preset is used: they are left out."""

    def __init__(self, schema_path: str = SCHEMA_PATH) -> None:
        assets = f"{schema_path}{STATIC_PATH}"
        self.initializer_url = f"{assets}/swagger-initializer.js"
        # Named here: Litestar's reverse lookup may answer the schema root, which also
        # serves the JSON, one run in a few.
        self.openapi_url = f"{schema_path}/openapi.json"
        super().__init__(
            version=SWAGGER_UI_VERSION, js_url=f"{assets}/swagger-ui-bundle.js",
            css_url=f"{assets}/swagger-ui.css",
            favicon=f'<link rel="icon" type="image/png" href="{assets}/favicon-32x32.png">',
            style="")

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        title = escape(str(openapi_schema["info"]["title"]))
        return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <title>{title}</title>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    {self.favicon}
    <link href="{self.css_url}" rel="stylesheet">
    <script src="{self.js_url}"></script>
    <script src="{self.initializer_url}" data-openapi-url="{self.openapi_url}"></script>
  </head>
  <body>
    <div id="swagger-ui"></div>
  </body>
</html>
""".encode()

    def receive_router(self, router: Router) -> None:
        """Serves the vendored files under the OpenAPI router (and, unlike Litestar's
        plugin, no OAuth2 redirect page: its inline script would need 'unsafe-inline')."""
        router.register(create_static_files_router(
            path=STATIC_PATH, directories=[STATIC_DIRECTORY], include_in_schema=False,
            name="swagger-ui-assets"))
