/* Progressive enhancement: "Copy link" and "Copy citation" (plain, BibTeX, CSL-JSON) buttons. Pages work without it. */
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext && location.hostname !== "127.0.0.1" && location.hostname !== "localhost") {
    return;
  }
  function addButton(after, label, text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = label;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(text()).then(function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        button.textContent = "Copy failed";
      });
    });
    after.insertAdjacentElement("afterend", button);
  }
  document.querySelectorAll("a[data-copy-url]").forEach(function (link) {
    addButton(link, "Copy link", function () { return new URL(link.getAttribute("href"), location.href).href; });
  });
  document.querySelectorAll("[data-copy-text]").forEach(function (block) {
    addButton(block, block.getAttribute("data-copy-text"), function () { return block.textContent.trim(); });
  });
})();
/* Reading: panels marked data-open-wide="<width>" start open on screens at least that wide (they
   sit beside the text there), closed on phones; a link to #contents opens the contents. */
(function () {
  "use strict";
  document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
    var width = details.getAttribute("data-open-wide") || "48rem";
    if (window.matchMedia && window.matchMedia("(min-width: " + width + ")").matches) {
      details.open = true;
    }
  });
  function openTarget() {
    var id = location.hash.slice(1);
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") {
      target.open = true;
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
