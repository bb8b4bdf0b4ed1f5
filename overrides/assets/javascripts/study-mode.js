/* Study mode: hide the statements of comparison tables for recall practice.

   The toolbar (devconcepts/compare/study.py) is rendered hidden, for readers
   without scripts; this script shows it. While its button is pressed, every
   body cell (td) of every `figure.compare` is concealed — the subjects and
   aspects (th) stay — and gets a "show" button that reveals that one cell.
   A concealed cell's content is wrapped so the screen can drop it (the cell
   is one button tall) while paper keeps its space blank.
   The choice is remembered in localStorage, so it is still on when another
   page or a later visit opens: the button's label says so ("가리기 켜짐",
   from the toolbar's data-on-label), as does aria-pressed. */
(function () {
  "use strict";

  var KEY = "devconcepts:study-mode";

  function remembered() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (error) { return false; }
  }

  function remember(on) {
    try { window.localStorage.setItem(KEY, on ? "on" : "off"); } catch (error) { /* private mode */ }
  }

  // "aspect — subject", so a screen reader says which cell a button shows.
  function describe(cell) {
    var row = cell.parentElement;
    var aspect = row.querySelector("th[scope=row]");
    var subject = cell.getAttribute("data-label");
    return [aspect && aspect.textContent.trim(), subject].filter(Boolean).join(" — ");
  }

  function conceal(cell, label) {
    if (cell.classList.contains("is-concealed")) return;
    var answer = document.createElement("span");
    answer.className = "study-cell__answer";
    while (cell.firstChild) answer.appendChild(cell.firstChild);
    cell.appendChild(answer);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "study-cell__reveal";
    button.textContent = label;
    var context = describe(cell);
    if (context) button.setAttribute("aria-label", label + ": " + context);
    button.addEventListener("click", function () { reveal(cell, true); });
    cell.appendChild(button);
    cell.classList.add("is-concealed");
  }

  function reveal(cell, moveFocus) {
    var button = cell.querySelector(":scope > .study-cell__reveal");
    if (button) button.remove();
    var answer = cell.querySelector(":scope > .study-cell__answer");
    if (answer) {
      while (answer.firstChild) cell.insertBefore(answer.firstChild, answer);
      answer.remove();
    }
    cell.classList.remove("is-concealed");
    if (moveFocus) {
      // Keep keyboard users where they were instead of dropping focus to the page.
      cell.setAttribute("tabindex", "-1");
      cell.focus();
    }
  }

  function apply(toolbar, on) {
    var label = toolbar.getAttribute("data-reveal-label") || "?";
    var toggle = toolbar.querySelector(".study-toggle");
    if (!toggle.hasAttribute("data-off-label")) toggle.setAttribute("data-off-label", toggle.textContent);
    toggle.textContent = on ? toolbar.getAttribute("data-on-label") || toggle.getAttribute("data-off-label")
                            : toggle.getAttribute("data-off-label");
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    document.documentElement.classList.toggle("study-mode", on);
    document.querySelectorAll("figure.compare td").forEach(function (cell) {
      if (on) conceal(cell, label); else reveal(cell, false);
    });
  }

  function init() {
    var toolbar = document.querySelector(".study-toolbar");
    if (!toolbar || toolbar.getAttribute("data-ready")) return;
    toolbar.setAttribute("data-ready", "true");
    toolbar.hidden = false;
    toolbar.querySelector(".study-toggle").addEventListener("click", function (event) {
      var on = event.currentTarget.getAttribute("aria-pressed") !== "true";
      remember(on);
      apply(toolbar, on);
    });
    apply(toolbar, remembered());
  }

  // Material's document$ also fires after instant navigation, if it is turned on.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
