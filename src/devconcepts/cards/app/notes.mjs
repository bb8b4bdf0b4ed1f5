// What the review app tells the reader about their progress: the page's
// words (data-label-* on the review root, from devconcepts.core.labels), alerts,
// and the line by the counts saying where progress lives and when it was
// last exported.
import { exportDue } from "./progress.mjs"

// The label `name` of the page's language, with its {placeholders} filled.
export function label(root, name, values = {}) {
  return (root.getAttribute(`data-label-${name}`) || "")
    .replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole))
}

// Shows `text` in a role="alert" paragraph right after `anchor` (an inserted
// alert is announced), or removes it when `text` is empty.
export function alert(anchor, text) {
  let element = anchor.nextElementSibling
  if (!element || !element.hasAttribute("data-alert")) {
    if (!text) return
    element = Object.assign(document.createElement("p"), { className: "review__alert" })
    element.setAttribute("role", "alert")
    element.setAttribute("data-alert", "")
    anchor.after(element)
  }
  if (text) element.textContent = text
  else element.remove()
}

// The line by the counts: this browser only (or the warning that nothing is
// stored), the last export, and, a week into reviews since then, one quiet
// suggestion to export.
export function showNote(root, record, stored) {
  const note = root.querySelector("[data-progress-note]")
  const date = record.exported &&
    new Date(record.exported).toLocaleDateString(root.dataset.locale, { dateStyle: "medium" })
  note.textContent = [
    stored && label(root, "where"),
    date ? label(root, "exported_on", { date }) : label(root, "never_exported"),
    exportDue(record) && label(root, "export_hint")
  ].filter(Boolean).join(" ")
  alert(note, stored ? "" : label(root, "storage_blocked"))
}
