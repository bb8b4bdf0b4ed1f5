// Where the review record lives: localStorage under one key, or, when the
// browser refuses storage (blocked site data, a full quota, some private
// modes throw on access or on write), this page's memory, so the session
// goes on and the reader can still export it.

export function openStore(key) {
  let memory = null
  let available = true
  const attempt = (action, fallback) => {
    if (available) {
      try {
        return action(window.localStorage)
      } catch (error) {
        available = false
      }
    }
    return fallback
  }
  attempt(storage => storage.getItem(key))
  return {
    key,
    get available() {
      return available
    },
    read: () => attempt(storage => storage.getItem(key), memory),
    write(text) {
      memory = text
      attempt(storage => storage.setItem(key, text))
    },
    remove() {
      memory = null
      attempt(storage => storage.removeItem(key))
    }
  }
}

// Asks the browser to keep the site's storage under storage pressure
// (Chromium decides by itself, Firefox asks the reader). Once per page.
let asked = false
export function persist() {
  if (asked) return
  asked = true
  const storage = navigator.storage
  if (storage && typeof storage.persist === "function") storage.persist().catch(() => {})
}
