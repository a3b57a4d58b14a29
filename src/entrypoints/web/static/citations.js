// A citation's card opens on hover and focus (CSS); Escape closes it without moving focus
// (WCAG 1.4.13), and it opens again on the next hover or focus.
(function () {
  "use strict";
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = document.activeElement && document.activeElement.closest(".cite");
    if (open) open.classList.add("dismissed");
  });
  const reopen = (event) => {
    const cite = event.target.closest && event.target.closest(".cite");
    if (cite) cite.classList.remove("dismissed");
  };
  document.addEventListener("focusin", reopen);
  document.addEventListener("mouseover", reopen);
})();
