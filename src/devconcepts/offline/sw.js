/*
 * The study site's service worker: the pages a reader opens, and once they
 * stay (or ask) every page of their language, its search and its print book,
 * readable offline.
 *
 * Written at the site root by devconcepts-offline, which fills in BUILD: the
 * deployment's version (a hash of every precached file) and, per language,
 * its folder, the files to keep (src/devconcepts/offline/precache.py) and
 * the start of each file's SHA-256 (worker.py): a file is kept only if its
 * bytes are this deployment's.
 * Its scope is the folder it is served from, so a site under /REPO/ keeps
 * to /REPO/.
 *
 * - One cache per deployment. Installing downloads nothing on a first visit:
 *   it fills the cache only with the languages the previous deployment's
 *   cache had saved. A page asks for its own whole language (message
 *   "precache") when the reader engages or asks (assets/javascripts/
 *   offline.js), so a reader of one page downloads that page only, and a
 *   reader of one language never the other's pages. Files are fetched as
 *   the HTTP cache allows, so what a page already loaded is not downloaded
 *   again.
 * - As read: a page of the site, and what it loads, is put in the cache when
 *   it comes from the network through this worker (from the second page
 *   view on: the first page is not yet under the worker), if its bytes are
 *   this deployment's and the cache has no copy yet.
 * - A new deployment takes over as soon as it has installed (it refills the
 *   languages the previous one had saved) and the old one has no request in
 *   hand, open pages included; activating,
 *   it deletes every other deployment's cache. An open page that finds it
 *   offers to reload (offline.js). A first page is not taken over: what it
 *   loads later comes from the network as it would without a worker.
 * - Requests: the network first, revalidating what the HTTP cache holds, so
 *   that one reload after a new deployment shows it, page and files alike;
 *   the cache when the network fails. Two exceptions: the files named by a
 *   hash of their own bytes (BUILD.hashed: Material's scripts, which the
 *   build checks are Material's own bytes) come from the cache first, and so
 *   does everything a page loads once that page itself came from the cache,
 *   so that a page and its files are of one deployment. A query string, such
 *   as the search worker's, is ignored to find a file in the cache, and kept
 *   on the response. A page neither reachable nor cached gets its language's
 *   404 page.
 */
"use strict"

const BUILD = /*BUILD*/ null
const SCOPE = self.registration.scope
/* Caches of one origin are shared by every site on it (USER.github.io/A/ and
   /B/): names carry the scope, so each site only deletes its own. */
const PREFIX = "devconcepts-offline " + SCOPE + " "
const CACHE = PREFIX + BUILD.version
const pending = new Map()

function absolute(url) {
  return new URL(url, SCOPE).href
}

/* The language a URL of the site is in: the longest folder it starts with */
function languageOf(url) {
  const path = url.startsWith(SCOPE) ? url.slice(SCOPE.length) : null
  if (path === null)
    return null
  let found = null
  for (const language of BUILD.languages)
    if (path.startsWith(language.prefix) && (!found || language.prefix.length > found.prefix.length))
      found = language
  return found
}

/* Recorded in a cache once all of a language's files are in it */
function mark(language) {
  return absolute("__offline__/" + language.locale)
}

async function precache(language) {
  if (!pending.has(language.locale))
    pending.set(language.locale, fill(language).finally(() => pending.delete(language.locale)))
  return pending.get(language.locale)
}

async function fill(language) {
  const cache = await caches.open(CACHE)
  if (await cache.match(mark(language)))
    return
  const missing = []
  for (const url of language.urls.map(absolute))
    if (!(await cache.match(url)))
      missing.push(url)
  await stillDeployed()
  const responses = await Promise.all(missing.map(fetchVerified))
  await Promise.all(responses.map((response, i) => cache.put(missing[i], response)))
  try {
    await stillDeployed()
  } catch (error) {
    await Promise.all(missing.map((url) => cache.delete(url)))
    throw error
  }
  await cache.put(mark(language), new Response(BUILD.version, { headers: { date: new Date().toUTCString() } }))
}

/* From the HTTP cache where it has it (the page that asks has just loaded
   its own files), revalidated if that copy is not this deployment's */
async function fetchVerified(url) {
  for (const mode of ["default", "no-cache"]) {
    const response = await fetch(url, { cache: mode })
    const body = await response.arrayBuffer()
    if (response.ok && await ours(url, body))
      return copyOf(response, body)
  }
  throw new Error("not this deployment's copy of " + url)
}

/* A response's bytes, read whole, make a response again: a response is read
   once, and a copy (clone) left unread where the page does not read its own
   (a favicon) would keep this worker busy, which stops a newer deployment
   from taking over. */
function copyOf(response, body) {
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
}

/* Each listed file's sum, by address */
const SUMS = new Map(BUILD.languages.flatMap((language) =>
  language.urls.map((url, i) => [absolute(url), language.sums[i]])))

/* Whether `body` holds this deployment's bytes of the file at `url` */
async function ours(url, body) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body))
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("")
  return hex.startsWith(SUMS.get(url))
}

/* The files fetched belong to this deployment only if the site still serves
   this worker before and after: a reader who opens a second language after a
   new deployment gets it from the new worker, not mixed into this cache. */
async function stillDeployed() {
  const response = await fetch(self.location.href, { cache: "no-store" })
  const text = response.ok ? await response.text() : ""
  if (!text.includes(JSON.stringify(BUILD.version))) {
    self.registration.update().catch(() => {})
    throw new Error("the site has a newer deployment than this worker")
  }
}

async function languagesHeld() {
  const held = new Set()
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE)
      continue
    const cache = await caches.open(name)
    for (const language of BUILD.languages)
      if (await cache.match(mark(language)))
        held.add(language)
  }
  return held
}

/* One language after the other: a failed one takes back only its own files. */
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    for (const language of await languagesHeld())
      await precache(language)
    await self.skipWaiting()
  })())
})

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(
    names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)))))
})

/* A page asks whether its language is saved ("status"), or to save it
   ("precache"); the answer to that says when its files are all kept. It
   also names the first page of the visit ("keep"), which opened before this
   worker was there to keep it as read. */
self.addEventListener("message", (event) => {
  const data = event.data || {}
  if (data.type === "keep" && typeof data.path === "string")
    event.waitUntil(keep(new URL(data.path, SCOPE).href).catch(() => {}))
  if ((data.type !== "precache" && data.type !== "status") || !event.source)
    return
  const language = languageOf(event.source.url)
  if (!language)
    return
  const reply = (fields) => {
    const message = Object.assign({ locale: language.locale, version: BUILD.version }, fields)
    if (event.ports && event.ports[0])
      event.ports[0].postMessage(message)
    else
      event.source.postMessage(message)
  }
  if (data.type === "status")
    event.waitUntil(savedOn(language).then((date) => reply({ type: "status", saved: Boolean(date), date: date })))
  else
    event.waitUntil(precache(language).then(() => savedOn(language)).then((date) => reply({ type: "precached", ok: true, date: date }),
      () => reply({ type: "precached", ok: false })))
})

/* A listed page the cache has no copy of, as the HTTP cache has it (the
   page was opened), if it is this deployment's */
async function keep(url) {
  const cache = await caches.open(CACHE)
  if (SUMS.has(url) && !(await cache.match(url)))
    await cache.put(url, await fetchVerified(url))
}

function withoutQuery(url) {
  const address = new URL(url)
  address.search = ""
  address.hash = ""
  return address.href
}

async function cached(request) {
  const cache = await caches.open(CACHE)
  const hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true })
  if (hit)
    return sameAddress(hit, request)
  if (request.mode !== "navigate")
    return undefined
  /* The same page by another address: oltp/index.html; oltp goes to oltp/,
     as the server would send it, so that its relative links resolve. */
  const url = new URL(request.url)
  url.search = ""
  url.hash = ""
  if (url.pathname.endsWith("/index.html")) {
    const page = await cache.match(url.href.slice(0, -"index.html".length))
    return page && sameAddress(page, request)
  }
  if (!url.pathname.endsWith("/") && await cache.match(url.href + "/"))
    return Response.redirect(url.href + "/", 301)
  return undefined
}

/* A response found under another address (its query left out) keeps the
   address it was asked for: the search worker reads its own query
   (?worker=…), and a page opened from a search result its ?h=. */
function sameAddress(response, request) {
  if (response.url === request.url.split("#")[0])
    return response
  return new Response(response.body, { status: response.status, statusText: response.statusText,
    headers: response.headers })
}

/* When all of `language`'s files were put in this deployment's cache (a
   time in ms), or null while they are not all there */
async function savedOn(language) {
  const cache = await caches.open(CACHE)
  const marked = language && await cache.match(mark(language))
  return marked ? Date.parse(marked.headers.get("date")) || Date.now() : null
}

/* The files named by a hash of their own bytes: the same name is always the
   same file, so the cache's copy is as good as the network's. */
const HASHED = new Set(BUILD.hashed.map(absolute))

/* Windows whose page came from the cache (the network failed): what they
   load comes from the cache too, of the same deployment as the page. */
const fromCacheClients = new Set()

async function network(event) {
  const request = event.request
  /* Revalidated (a 304 when unchanged): a copy the HTTP cache kept from an
     older deployment is never shown, nor used by a newer page. A navigation
     asked with another cache mode (a reload, back and forward) keeps it. */
  const revalidate = request.mode !== "navigate" || request.cache === "default"
  const response = await fetch(request, revalidate ? { cache: "no-cache" } : undefined)
  /* Kept as read: a listed file the cache has no copy of, if its bytes are
     this deployment's. */
  const address = withoutQuery(request.url)
  if (response.status !== 200 || response.type !== "basic" || response.redirected || !SUMS.has(address))
    return response
  const cache = await caches.open(CACHE)
  if (await cache.match(address))
    return response
  const body = await response.arrayBuffer()
  if (await ours(address, body))
    event.waitUntil(cache.put(address, copyOf(response, body)).catch(() => {}))
  return copyOf(response, body)
}

async function respond(event) {
  const request = event.request
  if (HASHED.has(withoutQuery(request.url)) || fromCacheClients.has(event.clientId)) {
    const hit = await cached(request)
    if (hit)
      return hit
  }
  try {
    return await network(event)
  } catch (error) {
    let hit = await cached(request)
    if (!hit && request.mode === "navigate") {
      const language = languageOf(request.url)
      hit = language && await caches.open(CACHE).then((cache) => cache.match(absolute(language.prefix + "404.html")))
    }
    if (!hit)
      throw error
    if (request.mode === "navigate" && event.resultingClientId)
      fromCacheClients.add(event.resultingClientId)
    return hit
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request
  if (request.method !== "GET" || !request.url.startsWith(SCOPE))
    return
  event.respondWith(respond(event))
})
