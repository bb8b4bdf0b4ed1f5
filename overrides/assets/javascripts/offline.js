/*
 * Offline reading: once the page has loaded, register the site's service
 * worker and ask it to keep this page's language (every page, search, the
 * print book) for reading without a network.
 *
 * The page's `<link rel="manifest">` names the worker (data-service-worker,
 * relative to the page, so the site works under a sub-path); devconcepts-
 * offline leaves the name out under `mkdocs serve`, where nothing registers.
 * Waiting for `load` keeps the precache out of the first visit.
 */
(function () {
  "use strict"

  var link = document.querySelector("link[rel=manifest][data-service-worker]")
  if (!link || !("serviceWorker" in navigator))
    return

  function start() {
    navigator.serviceWorker.register(link.getAttribute("data-service-worker"))
      .then(function () { return navigator.serviceWorker.ready })
      .then(function (registration) { registration.active.postMessage({ type: "precache" }) })
      .catch(function () { /* Reading online needs no worker. */ })
  }

  if (document.readyState === "complete")
    start()
  else
    addEventListener("load", start)
})()
