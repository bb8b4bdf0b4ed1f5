/* Term tooltips (a.term, see devconcepts/glossary/links.py): the definition
   on hover, on keyboard focus and on a tap.

   Each term link carries its definition in `title`, which is its accessible
   description and, without JavaScript, the browser's own tooltip. Material's
   `content.tooltips` would turn every `title` into a styled tooltip, but it
   sets each one up when the page loads: on the whole-book page, Lighthouse's
   mobile run counted 490 ms of blocking time with it and 220 ms without.
   Here nothing runs until a reader points at or focuses a term; then one
   shared tooltip takes the definition and the link's description points at
   it.

   Touch: a tap on a link would follow it before the tooltip could be read,
   so the first tap on a term only focuses it (which shows the tooltip) and a
   second tap on the same term follows the link to the glossary.
   Escape hides the tooltip without moving focus. */
(function () {
  "use strict";

  var TOOLTIP_ID = "term-tooltip";
  var GAP = 8;             // px between the term and its tooltip
  var armed = null;        // the term whose tooltip the last tap opened
  var lastPointer = "";    // pointer type of the latest press
  var shownFor = null;     // the term whose definition the tooltip shows
  var tooltip = null;

  function termOf(target) {
    return target && target.closest ? target.closest("a.term") : null;
  }

  function tooltipElement() {
    if (!tooltip) {
      tooltip = document.createElement("div");
      tooltip.id = TOOLTIP_ID;
      tooltip.className = "term-tooltip";
      tooltip.setAttribute("role", "tooltip");
      tooltip.hidden = true;
      document.body.appendChild(tooltip);
    }
    return tooltip;
  }

  /* The first time a term is used, its title moves into data-definition (so
     the browser's own tooltip does not show on top of ours) and its
     description becomes the tooltip. */
  function definitionOf(link) {
    if (link.hasAttribute("title")) {
      link.setAttribute("data-definition", link.getAttribute("title"));
      link.removeAttribute("title");
      link.setAttribute("aria-describedby", TOOLTIP_ID);
    }
    return link.getAttribute("data-definition") || "";
  }

  function show(link) {
    var tip = tooltipElement();
    tip.textContent = definitionOf(link);
    tip.hidden = false;
    shownFor = link;
    place(tip, link);
  }

  function hide() {
    if (tooltip) tooltip.hidden = true;
    shownFor = null;
  }

  /* Below the term, or above it when the viewport has no room below; kept
     inside the viewport's width. */
  function place(tip, link) {
    var box = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var size = tip.getBoundingClientRect();
    var left = Math.min(Math.max(GAP, box.left), Math.max(GAP, width - size.width - GAP));
    var top = box.bottom + GAP;
    if (top + size.height > window.innerHeight && box.top - GAP - size.height >= 0)
      top = box.top - GAP - size.height;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  document.addEventListener("pointerover", function (event) {
    var link = termOf(event.target);
    if (link && link !== shownFor && event.pointerType !== "touch") show(link);
  });

  document.addEventListener("pointerout", function (event) {
    var link = termOf(event.target);
    if (link && link === shownFor && !link.contains(event.relatedTarget) && link !== document.activeElement)
      hide();
  });

  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) show(link);
  });

  document.addEventListener("focusout", function (event) {
    if (termOf(event.target) === shownFor) hide();
  });

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
    if (event.key === "Escape" && shownFor) hide();
  });

  /* A scrolled or resized page would leave the tooltip beside nothing. */
  window.addEventListener("resize", function () { if (shownFor) place(tooltip, shownFor); });
})();
