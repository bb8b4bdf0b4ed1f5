// Importing a progress file: the whole file is checked before anything
// changes, then the page says what merging it does and waits for the
// reader's choice: merge (each card keeps its later review) or, confirmed a
// second time, replace everything.
import { check, mergeFile, Refusal } from "./progress.mjs"
import { alert, label } from "./notes.mjs"

// The file as a checked record, or a Refusal. The size is checked before the
// file is read: an exported record is about 250 B a card, so even thousands
// of cards stay far below the page's limit (data-import-limit, 2 MB), and
// reading and parsing a larger file at once would stall a phone.
async function read(file, root) {
  if (file.size > Number(root.dataset.importLimit)) throw new Refusal("too_big")
  let value
  try {
    value = JSON.parse(await file.text())
  } catch (error) {
    throw new Refusal("not_json")
  }
  const known = locale => typeof locale === "string" && root.hasAttribute(`data-label-language-${locale}`)
  return check(value, root.dataset.locale, Date.now(), known)
}

// `review` is the app: its `state` and `adopt(record, replace)`.
export function importer(root, review) {
  const find = selector => root.querySelector(selector)
  const panel = find("[data-import-confirm]")
  const summary = find("[data-import-summary]")
  const [merge, replace, confirm, cancel] =
    ["merge", "replace", "replace-confirm", "cancel"].map(name => find(`[data-import-${name}]`))
  const status = find("[data-status]")
  let file = null

  const close = text => {
    file = null
    panel.hidden = true
    status.textContent = text || ""
  }
  // The reader chose: the panel goes, and the focus back to the card (Space
  // reveals again) rather than to the page's top.
  const leave = text => {
    const focused = panel.contains(document.activeElement)
    close(text)
    const reveal = find("[data-reveal]")
    if (focused) (reveal.hidden ? find("[data-import]") : reveal).focus()
  }
  const done = (record, replacing, text) => {
    review.adopt(record, replacing)
    leave(label(root, text))
  }
  merge.addEventListener("click", () => file && done(mergeFile(review.state, file).record, false, "imported"))
  replace.addEventListener("click", () => {
    if (!file) return
    summary.textContent = label(root, "import_replace_warning",
      { current: Object.keys(review.state.cards).length, incoming: Object.keys(file.cards).length })
    merge.hidden = replace.hidden = true
    confirm.hidden = false
    cancel.focus()
  })
  confirm.addEventListener("click", () => file && done(file, true, "replaced"))
  cancel.addEventListener("click", () => leave())

  return async chosen => {
    close()
    alert(status, "")
    try {
      file = await read(chosen, root)
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal("failed")
      const language = refusal.code === "language" ? label(root, `language-${refusal.detail}`) : ""
      alert(status, `${label(root, `import_${refusal.code}`, { detail: refusal.detail, language })} ` +
        label(root, "import_kept"))
      return
    }
    const counts = mergeFile(review.state, file).summary
    summary.textContent = label(root, "import_summary", counts)
    merge.hidden = replace.hidden = false
    confirm.hidden = true
    panel.hidden = false
    merge.focus()
  }
}
