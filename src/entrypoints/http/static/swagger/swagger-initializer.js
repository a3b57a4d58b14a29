// Starts Swagger UI on /schema/swagger. A file of its own, not an inline script, so that
// the page's Content-Security-Policy can be script-src 'self' and nothing else. The page
// names the OpenAPI document in the script tag's data-openapi-url.
(function () {
  "use strict";
  var openapiUrl = document.currentScript.dataset.openapiUrl;
  window.addEventListener("load", function () {
    window.ui = SwaggerUIBundle({
      url: openapiUrl,
      dom_id: "#swagger-ui",
      deepLinking: true,
      showExtensions: true,
      showCommonExtensions: true,
      presets: [SwaggerUIBundle.presets.apis],
    });
  });
})();
