/* Print controls (partials/print-controls.html, print.css).
 *
 * - The print button opens the browser's own print dialog.
 * - By default a sheet is an answer key: every <details> prints expanded.
 * - Study-sheet mode (the toggle) prints the answers the author folded as
 *   folded, so the sheet can be used for self-testing.
 *
 * Nothing is stored: the toggle starts off on every visit, and the browser
 * is told not to restore it (autocomplete="off" in the partial).
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var content = document.querySelector(".md-content") || document.body;

  /* Note which <details> the author left folded. This script runs at the end
     of <body>, before Material's bundle reacts to DOMContentLoaded (where it
     may unfold one for an anchor jump) and before any printing, so `open` is
     still as written. print.css hides exactly these answers in study-sheet
     mode, whatever the reader has unfolded on screen since. */
  var folded = content.querySelectorAll("details:not([open])");
  folded.forEach(function (details) {
    details.setAttribute("data-print-folded", "");
  });

  document.querySelectorAll("[data-print-controls]").forEach(function (controls) {
    var button = controls.querySelector("[data-print-button]");
    if (button) {
      button.addEventListener("click", function () {
        window.print();
      });
    }
    var toggle = controls.querySelector("[data-print-study]");
    var toggleControl = controls.querySelector("[data-print-study-control]");
    if (toggle && toggleControl && folded.length > 0) {
      var sync = function () {
        root.classList.toggle("print-study", toggle.checked);
      };
      toggle.addEventListener("change", sync);
      sync();
      toggleControl.hidden = false;
    }
    controls.hidden = false;
  });

  /* Answer key: unfold everything before printing and fold back afterwards.
     Material's bundle does the same; this keeps it true without the bundle.
     In study-sheet mode print.css still hides the folded answers. */
  var unfolded = [];
  window.addEventListener("beforeprint", function () {
    unfolded = Array.prototype.slice.call(content.querySelectorAll("details:not([open])"));
    unfolded.forEach(function (details) {
      details.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    unfolded.forEach(function (details) {
      details.open = false;
    });
    unfolded = [];
  });
})();
