/*
 * Offline reading: once the page has loaded, register the site's service
 * worker. A first page view downloads nothing more: the worker keeps the
 * pages and files a reader opens from then on, as they are read. The whole
 * language (every page, search, the print book) is saved for reading without
 * a network when the reader engages (a second page in this tab's visit, or
 * using the review page: its first tap, click or key) or asks (the footer's
 * "save for offline" button); with Save-Data on, only when asked.
 *
 * The page's `<link rel="manifest">` names the worker (data-service-worker,
 * relative to the page, so the site works under a sub-path); devconcepts-
 * offline leaves the name out under `mkdocs serve`, where nothing registers.
 * `<html data-offline="saved">` once the language is saved.
 */
(function () {
  "use strict"

  var link = document.querySelector("link[rel=manifest][data-service-worker]")
  if (!link || !("serviceWorker" in navigator))
    return
  var button = document.querySelector("[data-offline-save]")

  /* Calls `then` when the reader engages: at once on a page other than the
     first of this tab's visit, or on the first use of the review page. */
  function whenEngaged(then) {
    try {
      var first = sessionStorage.getItem("devconcepts-first-page")
      if (first === null)
        sessionStorage.setItem("devconcepts-first-page", location.pathname)
      else if (first !== location.pathname)
        return then()
    } catch (error) { /* storage blocked: the review page or the button */ }
    var review = document.querySelector("[data-review]")
    if (!review)
      return
    var engage = function (event) {
      if (!review.contains(event.target))
        return
      removeEventListener("pointerdown", engage, true)
      removeEventListener("keydown", engage, true)
      then()
    }
    addEventListener("pointerdown", engage, true)
    addEventListener("keydown", engage, true)
  }

  function show(state) {
    if (state === "saved")
      document.documentElement.setAttribute("data-offline", "saved")
    if (!button)
      return
    button.textContent = button.getAttribute("data-" + state) || button.textContent
    button.disabled = state === "saved" || state === "saving"
  }

  /* A question to the worker ("status", or "precache" to save this page's
     language); it answers on the channel, "precache" once all is kept. */
  function ask(registration, type, then) {
    var channel = new MessageChannel()
    channel.port1.onmessage = function (event) { then(event.data || {}) }
    registration.active.postMessage({ type: type }, [channel.port2])
  }

  function save(registration) {
    show("saving")
    ask(registration, "precache", function (answer) { show(answer.ok ? "saved" : "failed") })
  }

  function start() {
    var background = !(navigator.connection && navigator.connection.saveData)
    navigator.serviceWorker.register(link.getAttribute("data-service-worker"))
      .then(function () { return navigator.serviceWorker.ready })
      .then(function (registration) {
        ask(registration, "status", function (answer) {
          if (answer.saved)
            show("saved")
          else if (background)
            whenEngaged(function () { save(registration) })
          if (button) {
            button.hidden = false
            button.addEventListener("click", function () { save(registration) })
          }
        })
      })
      .catch(function () { /* Reading online needs no worker. */ })
  }

  if (document.readyState === "complete")
    start()
  else
    addEventListener("load", start)
})()
