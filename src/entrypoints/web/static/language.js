// The "Interface language" select applies itself once chosen; without scripts its
// "Change" button sends the form.
(function () {
  "use strict";
  const form = document.querySelector("[data-language]");
  if (!form) return;
  form.querySelector("button").hidden = true;
  form.querySelector("select").addEventListener("change", () => form.requestSubmit());
})();
