/* The API documentation page: Swagger UI (drf-spectacular-sidecar) reads the OpenAPI schema.
   A file, not an inline script, so the Content-Security-Policy stays 'self' only. */
(function () {
  "use strict";
  var node = document.getElementById("swagger-ui");
  if (!node || !window.SwaggerUIBundle) {
    return;
  }
  window.SwaggerUIBundle({
    url: node.getAttribute("data-schema-url"),
    domNode: node,
    deepLinking: false,  // no links nested inside the operations' buttons (axe: nested-interactive)
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    validatorUrl: null,
    syntaxHighlight: false,  // the highlighting theme fails colour contrast (axe)
    supportedSubmitMethods: ["get", "head"],
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
})();
