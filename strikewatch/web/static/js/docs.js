/* /docs: Swagger UI from the locally served swagger-ui-dist bundle, reading this server's /openapi.json. */
(function () {
  "use strict";
  var el = document.getElementById("swagger-ui");
  if (!el || !window.SwaggerUIBundle) { return; }
  window.ui = window.SwaggerUIBundle({
    url: el.getAttribute("data-openapi"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
})();
