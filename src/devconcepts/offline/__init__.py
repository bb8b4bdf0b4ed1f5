"""devconcepts-offline: the site readable offline and installable on a phone
(a service worker with a precache listed from the built site, and a web app
manifest per language)."""
