/* The language switch keeps the reader's place.

   Material's language menu links to the other language's copy of the page,
   at its top. While the address has a fragment, each link gets one too: the
   same id when the other page has it (glossary entries have the same id in
   both languages), else the heading's counterpart (the n-th heading of one
   language is the n-th of the other; devconcepts/i18n/headings.py writes the
   map at build time), else the fragment as it is. Without this script the
   links work as before.

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

  function update() {
    var hash = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
    var entry = current();
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
    if (inMenu(event)) load();
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
      if (!link || pages || event.defaultPrevented || event.button !== 0 ||
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
