/* Term tooltips (a.term, see devconcepts/glossary/links.py) on touch screens
   and from the keyboard.

   Hover and focus: Material's `content.tooltips` turns each term link's
   `title` (the definition) into a tooltip shown on hover and on focus.
   Touch: a tap on a link would follow it before the tooltip could be read,
   so the first tap on a term only focuses it (which shows the tooltip) and a
   second tap on the same term follows the link to the glossary.
   Escape hides the tooltip of the focused term without moving focus. */
(function () {
  "use strict";

  var armed = null;        // the term whose tooltip the last tap opened
  var lastPointer = "";    // pointer type of the latest press

  function termOf(target) {
    return target && target.closest ? target.closest("a.term") : null;
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
    if (termOf(event.target) !== armed) armed = null;
  }, true);

  document.addEventListener("click", function (event) {
    var link = termOf(event.target);
    if (!link || lastPointer !== "touch" || armed === link) return;
    event.preventDefault();
    armed = link;
    link.focus();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var link = termOf(document.activeElement);
    var tip = link && document.getElementById(link.getAttribute("aria-describedby") || "");
    if (tip) tip.hidden = true;
  });
})();
