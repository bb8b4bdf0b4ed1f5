"""devconcepts-offline: the site readable offline and installable on a phone
(a service worker with a precache listed from the built site, and a web app
manifest per language).

Not Workbox: its build tool is a Node program and its runtime is a library of
several times the size of this worker, which every first visit would
download (the budget is 75 KB for everything a page loads). What the worker
does is the site's own rule rather than a recipe Workbox names: keep what the
reader opens, save the whole language only when the reader engages or asks
(never with Save-Data), and serve a page only with files of its own
deployment, checked by the per-file digests the build writes into it."""
