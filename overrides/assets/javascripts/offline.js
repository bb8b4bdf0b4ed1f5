/*
 * Offline reading: once the page has loaded, register the site's service
 * worker. A first page view downloads nothing more: the worker keeps the
 * pages and files a reader opens from then on, as they are read. The whole
 * language (every page, search, the print book) is saved for reading without
 * a network when the reader engages (a second page in this tab's visit, or
 * using the review page: its first tap, click or key) or asks (the footer's
 * "save for offline" button, which says when it was saved); with Save-Data
 * on, only when asked. `<html data-offline="saved">` once it is saved. The
 * first page of the visit, which opened before the worker could keep it, is
 * kept from the HTTP cache once the reader opens another.
 *
 * A page open while the site is deployed again hears of it when it checks
 * (as it loads, and each time the tab is shown again): a notice offers to
 * reload. A page that loaded from the network is the newest already, so what
 * its own first check finds is no news. A download link (the Anki deck) that
 * cannot reach the site says that it needs a connection.
 *
 * The page's `<link rel="manifest">` names the worker (data-service-worker,
 * relative to the page, so the site works under a sub-path); devconcepts-
 * offline leaves the name out under `mkdocs serve`, where nothing registers.
 * The footer holds the button and the notice, with their words.
 */
(function () {
  "use strict"

  var link = document.querySelector("link[rel=manifest][data-service-worker]")
  if (!link || !("serviceWorker" in navigator))
    return
  var button = document.querySelector("[data-offline-save]")
  var notice = document.querySelector("[data-offline-notice]")
  var words = function (name) { return notice ? notice.getAttribute("data-" + name) : "" }
  var nothing = function () {}

  /* The first page of this tab's visit (null on that page itself): the
     reader engages on any other page. */
  function firstPage() {
    try {
      var first = sessionStorage.getItem("devconcepts-first-page")
      if (first === null)
        sessionStorage.setItem("devconcepts-first-page", location.pathname)
      return first === location.pathname ? null : first
    } catch (error) { /* storage blocked: the review page or the button */ }
  }

  /* Calls `then` when the reader engages: at once on a page other than the
     first of this tab's visit, or on the first use of the review page. */
  function whenEngaged(first, then) {
    if (first)
      return then()
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

  /* `date`: when the language was saved, in ms */
  function show(state, date) {
    if (state === "saved")
      document.documentElement.setAttribute("data-offline", "saved")
    if (!button)
      return
    button.textContent = (button.getAttribute("data-" + state) || button.textContent) +
      (date ? " · " + new Date(date).toLocaleDateString(document.documentElement.lang) : "")
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
    ask(registration, "precache", function (answer) { show(answer.ok ? "saved" : "failed", answer.date) })
  }

  function offerReload() {
    var inner = notice && notice.firstElementChild
    if (!inner || inner.firstChild)
      return
    var reload = document.createElement("button")
    reload.type = "button"
    reload.textContent = words("reload")
    reload.onclick = function () { location.reload() }
    inner.append(words("updated") + " ", reload)
    notice.classList.add("md-dialog--active")
  }

  /* A worker found after the page's own first check is a newer deployment
     than the page. */
  function watch(registration) {
    var update = function () { return registration.update().catch(nothing) }
    ;(navigator.serviceWorker.controller ? update() : Promise.resolve()).then(function () {
      var newest = registration.installing || registration.waiting || registration.active
      registration.addEventListener("updatefound", function () {
        if (registration.installing !== newest)
          offerReload()
      })
      addEventListener("visibilitychange", function () {
        if (!document.hidden)
          update()
      })
    })
  }

  function start() {
    var background = !(navigator.connection && navigator.connection.saveData)
    var first = firstPage()
    navigator.serviceWorker.register(link.getAttribute("data-service-worker"))
      .then(function () { return navigator.serviceWorker.ready })
      .then(function (registration) {
        if (first)
          registration.active.postMessage({ type: "keep", path: first })
        ask(registration, "status", function (answer) {
          if (answer.saved)
            show("saved", answer.date)
          else if (background)
            whenEngaged(first, function () { save(registration) })
          if (button) {
            button.hidden = false
            button.addEventListener("click", function () { save(registration) })
          }
        })
        watch(registration)
      })
      .catch(nothing)
  }

  /* A download (the Anki deck) is not kept offline: without the site, the
     link says so instead of failing. */
  addEventListener("click", function (event) {
    var download = event.target.closest("a[download]")
    // A file the page made itself (the review's export, a blob: link) needs no network.
    if (!download || download.checked || !/^https?:$/.test(download.protocol))
      return
    event.preventDefault()
    fetch(download.href, { method: "HEAD", cache: "no-store" }).then(function () {
      download.checked = true
      download.click()
      download.checked = false
    }, function () {
      var note = download.note = download.note || document.createElement("strong")
      note.setAttribute("role", "alert")
      note.textContent = " " + words("needs-network")
      download.after(note)
    })
  })

  if (document.readyState === "complete")
    start()
  else
    addEventListener("load", start)
})()
