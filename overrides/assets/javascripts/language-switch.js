/* The language switch keeps the reader's place.

   Material's language menu links to the other language's copy of the page,
   at its top. This script gives each link a fragment for where the reader
   is, when the menu is approached and again when a link is clicked:
   - while the address's fragment is in view (a link or the contents brought
     the reader there and they have not scrolled away), that fragment;
   - else, on a scrolled page, the heading nearest above the top of the
     viewport (below the sticky header), that is, the section being read;
     the page's title heading and an unscrolled page give no fragment: the
     other page opens at its top.
   That place becomes, in the other page, the same id when the other page
   has it (glossary entries have the same id in both languages), else the
   heading's counterpart (the n-th heading of one language is the n-th of
   the other; devconcepts/i18n/headings.py writes the map at build time),
   else the fragment as it is. Without this script the links work as before.

   The map loads when the reader opens the menu (pointer over it, a touch, or
   focus inside it), not with the page. A click on a link before the map has
   arrived waits for it, then follows the updated link. */
(function () {
  "use strict";

  // This file (or the bundle it is part of) is served from
  // assets/javascripts/; the map is in assets/ at the site root.
  var script = document.currentScript;
  if (!script || !script.src) return;
  var root = new URL("../../", script.src);
  var mapUrl = new URL("assets/counterpart-headings.json", root);
  var pages = null;

  function sitePath(url) {
    var path = decodeURIComponent(new URL(url, location.href).pathname);
    var base = decodeURIComponent(root.pathname);
    return path.indexOf(base) === 0 ? path.slice(base.length) : null;
  }

  // This page's entry in the map and its language there.
  function current() {
    var here = sitePath(location.href);
    if (!pages || here === null) return null;
    for (var i = 0; i < pages.length; i++) {
      for (var locale in pages[i]) {
        if (pages[i][locale].url === here) return {page: pages[i], locale: locale};
      }
    }
    return null;
  }

  function targetFragment(hash, entry, locale) {
    if (!entry || !entry.page[locale]) return hash;
    var mine = entry.page[entry.locale].ids;
    var theirs = entry.page[locale].ids;
    // The same id first: glossary entries keep their ids and are sorted
    // differently in each language, so their positions differ.
    if (theirs.indexOf(hash) >= 0) return hash;
    var index = mine.indexOf(hash);
    return index >= 0 && theirs.length === mine.length ? theirs[index] : hash;
  }

  // Material leaves this much room above a heading it scrolls to (its
  // `--md-scroll-margin` of :target); a heading that close to the header is
  // the one being read.
  var TARGET_MARGIN_REM = 3.6;

  function visibleTop() {
    var header = document.querySelector(".md-header");
    var bottom = header ? header.getBoundingClientRect().bottom : 0;
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return Math.max(bottom, TARGET_MARGIN_REM * rem) + 1;
  }

  function inView(element, top) {
    if (!element || !element.getClientRects().length) return false;
    var box = element.getBoundingClientRect();
    return box.bottom > top - 1 && box.top < window.innerHeight;
  }

  // The reader's place: the fragment while its target is in view, else the
  // heading of this page (the map's ids, in document order) nearest above
  // the top of the viewport, else "" (the top of the page).
  function place(entry) {
    var hash = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
    var top = visibleTop();
    // Without the map (not loaded yet, or the page has no translation) the
    // fragment stays as it is.
    if (hash && (!entry || inView(document.getElementById(hash), top))) return hash;
    if (!entry || window.scrollY <= 0) return "";
    var ids = entry.page[entry.locale].ids;
    var found = "";
    for (var i = 0; i < ids.length; i++) {
      var heading = document.getElementById(ids[i]);
      if (!heading || !heading.getClientRects().length) continue;
      if (heading.getBoundingClientRect().top > top) break;
      // The first heading is the page's title: its place is the top.
      found = i > 0 ? ids[i] : "";
    }
    return found;
  }

  function update() {
    var entry = current();
    var hash = place(entry);
    document.querySelectorAll(".md-select a[hreflang]").forEach(function (link) {
      var url = new URL(link.getAttribute("data-page-href") || link.getAttribute("href"), location.href);
      if (!link.hasAttribute("data-page-href")) link.setAttribute("data-page-href", link.getAttribute("href"));
      if (url.pathname === location.pathname) return;
      url.hash = hash ? encodeURIComponent(targetFragment(hash, entry, link.getAttribute("hreflang"))) : "";
      link.setAttribute("href", url.href);
    });
  }

  var loading = null;

  function load() {
    if (!loading) {
      loading = (window.fetch ? fetch(mapUrl.href) : Promise.reject(new Error("no fetch")))
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (map) {
          pages = map && map.pages;
          update();
        })
        .catch(function () { /* the links keep the fragment as it is */ });
    }
    return loading;
  }

  function inMenu(event) {
    return event.target instanceof Element && event.target.closest(".md-select");
  }

  function open(event) {
    if (!inMenu(event)) return;
    // The reader may have scrolled since the map arrived.
    if (pages) update();
    else load();
  }

  function init() {
    update();
    window.addEventListener("hashchange", update);
    ["pointerover", "touchstart", "focusin"].forEach(function (type) {
      document.addEventListener(type, open, {passive: true});
    });
    // Capture: before Material's own handler on the body sees the click.
    document.addEventListener("click", function (event) {
      var link = event.target instanceof Element && event.target.closest(".md-select a[hreflang]");
      if (!link) return;
      // The link is followed after this handler: its fragment, set now, is
      // the place the reader is at when they click.
      if (pages) return update();
      if (event.defaultPrevented || event.button !== 0 ||
          event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      load().then(function () { location.href = link.href; });
    }, true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
