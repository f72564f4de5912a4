/* cleaner report, document page: pointing at an edit lights up its pieces and its entry
   in the side panel (and the other way round); arrow keys go to the previous or next
   document. The views and labels work without this script (CSS only). */
(function () {
  "use strict";
  function lit(change, on) {
    document.querySelectorAll('[data-c="' + change + '"]').forEach(function (el) {
      el.classList.toggle("hl", on);
    });
  }
  ["mouseover", "mouseout"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var el = e.target.closest && e.target.closest("[data-c]");
      if (el) { lit(el.getAttribute("data-c"), type === "mouseover"); }
    });
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
    var tag = (e.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") { return; }
    var rel = { ArrowLeft: "prev", ArrowRight: "next" }[e.key];
    var link = rel && document.querySelector('a[rel="' + rel + '"]');
    if (link) { e.preventDefault(); location.href = link.href; }
  });
})();
