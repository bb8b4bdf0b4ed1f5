// The review record: what a reader's progress is, how a file is checked
// before it may touch it, and how two versions of it merge. Pure functions;
// review.mjs keeps the record, store.mjs stores it.
//
// A record: { format, version, locale, cards: { id: FSRS card }, introduced:
// { day, count }, started?, exported? } — `started` is the first save with a
// review, `exported` the last export (ISO dates), which the export advice reads.

export const FORMAT = "devconcepts-review"
export const VERSION = 1
const DAY = 86400000

export function emptyRecord(locale) {
  return { format: FORMAT, version: VERSION, locale, cards: {}, introduced: { day: "", count: 0 } }
}

// A reason a file or a stored record was refused: `code` picks the page's
// message (data-label-import_<code>), `detail` fills its {detail}.
export class Refusal extends Error {
  constructor(code, detail = "") {
    super(code)
    this.code = code
    this.detail = String(detail)
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
const isObject = value => Boolean(value) && typeof value === "object" && !Array.isArray(value)
const count = value => Number.isInteger(value) && value >= 0
const amount = value => typeof value === "number" && Number.isFinite(value) && value >= 0

function time(value) {
  return typeof value === "string" && ISO.test(value) ? Date.parse(value) : NaN
}

// One card's FSRS state (ts-fsrs's Card, dates as ISO strings), checked and
// copied field by field, so nothing else rides along into the record.
// `learning_steps` came with ts-fsrs 5; `last_review` is absent before a grade.
function card(id, value, now) {
  if (!isObject(value)) throw new Refusal("entry", id)
  const { due, last_review } = value
  const numbers = ["stability", "difficulty", "elapsed_days", "scheduled_days"]
  const counts = ["reps", "lapses"]
  if (!numbers.every(name => amount(value[name])) || !counts.every(name => count(value[name])) ||
      !(value.learning_steps === undefined || count(value.learning_steps)) ||
      !(Number.isInteger(value.state) && value.state >= 0 && value.state <= 3)) throw new Refusal("entry", id)
  const dueAt = time(due)
  if (!Number.isFinite(dueAt)) throw new Refusal("date", `${id}: ${due}`)
  const entry = {}
  for (const name of ["due", ...numbers, ...counts, "learning_steps", "state", "last_review"]) {
    if (value[name] !== undefined) entry[name] = value[name]
  }
  if (last_review === undefined) return entry
  // A review is never after its due date, nor (a day of clock skew allowed)
  // in the future: such a date would win every merge.
  const reviewed = time(last_review)
  if (!Number.isFinite(reviewed) || reviewed > dueAt || reviewed > now + DAY) {
    throw new Refusal("date", `${id}: ${last_review}`)
  }
  return entry
}

function optionalTime(value, name) {
  if (value !== undefined && !Number.isFinite(time(value))) throw new Refusal("date", `${name}: ${value}`)
  return value
}

// The whole record checked before anything is touched; returns a clean copy
// or throws a Refusal. `known` tells a language this site has (a file of
// another page's language) from a file that is not a record at all.
// Card ids follow extract.py's card_id: language, page, 12 hex digits. Ids of
// cards no longer on the page are kept: a card may come back.
export function check(value, locale, now = Date.now(), known = () => false) {
  if (!isObject(value) || value.format !== FORMAT) throw new Refusal("failed")
  if (value.version !== VERSION) throw new Refusal("version", value.version)
  if (value.locale !== locale) {
    throw known(value.locale) ? new Refusal("language", value.locale) : new Refusal("failed")
  }
  if (!isObject(value.cards)) throw new Refusal("failed")
  const pattern = new RegExp(`^${locale}-[a-z0-9][a-z0-9._/-]{0,200}-[0-9a-f]{12}$`)
  const cards = {}
  for (const [id, entry] of Object.entries(value.cards)) {
    if (!pattern.test(id)) throw new Refusal("entry", id)
    cards[id] = card(id, entry, now)
  }
  const introduced = value.introduced === undefined ? { day: "", count: 0 } : value.introduced
  if (!isObject(introduced) || !/^(\d{4}-\d{2}-\d{2})?$/.test(introduced.day) || !count(introduced.count)) {
    throw new Refusal("entry", "introduced")
  }
  const record = { ...emptyRecord(locale), cards, introduced: { day: introduced.day, count: introduced.count } }
  for (const name of ["started", "exported"]) {
    if (optionalTime(value[name], name) !== undefined) record[name] = value[name]
  }
  return record
}

// A stored record, read leniently: a part that fails its check (a record
// written before the checks existed may hold one) is left out, the rest is
// kept. Anything that is not this language's record reads as empty. No date
// counts as in the future: a clock set back must not drop progress.
export function readStored(text, locale) {
  try {
    const value = JSON.parse(text)
    const head = { format: value.format, version: value.version, locale: value.locale, cards: {} }
    const record = check(head, locale)
    const part = (name, content, take) => {
      try {
        take(check({ ...head, [name]: content }, locale, Infinity))
      } catch (error) {
        // This part is skipped, not allowed to stop the session.
      }
    }
    for (const [id, entry] of Object.entries(value.cards)) {
      part("cards", { [id]: entry }, checked => { record.cards[id] = checked.cards[id] })
    }
    part("introduced", value.introduced, checked => { record.introduced = checked.introduced })
    for (const name of ["started", "exported"]) {
      part(name, value[name], checked => { if (checked[name]) record[name] = checked[name] })
    }
    return record
  } catch (error) {
    return emptyRecord(locale)
  }
}

// Which of two states of a card is the later review: positive when `a` is.
// The later last_review wins, then more reviews, then the later due date.
export function later(a, b) {
  return (time(a.last_review) || 0) - (time(b.last_review) || 0) || a.reps - b.reps ||
    time(a.due) - time(b.due)
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)

// Three-way merge of this tab's record (`mine`) with the stored one
// (`theirs`), both descended from `base`, the record this tab last read or
// wrote. What only one side changed is taken from it, so a reset, a
// replacement or an undo elsewhere is kept; a card both changed keeps its
// later review. Today's count of new cards adds both sides' new cards.
export function merge(base, mine, theirs) {
  const cards = {}
  // In one order whatever each side's, so two tabs agree on the bytes and
  // stop writing once merged.
  const ids = [...new Set([...Object.keys(base.cards), ...Object.keys(mine.cards), ...Object.keys(theirs.cards)])]
  for (const id of ids.sort()) {
    const [b, m, t] = [base.cards[id], mine.cards[id], theirs.cards[id]]
    const kept = same(m, b) ? t : same(t, b) ? m : !m || (t && later(t, m) >= 0) ? t : m
    if (kept) cards[id] = kept
  }
  const pick = (name, both) => same(mine[name], base[name]) ? theirs[name]
    : same(theirs[name], base[name]) || theirs[name] === undefined ? mine[name]
    : mine[name] === undefined ? theirs[name] : both(mine[name], theirs[name])
  const day = [mine, theirs].map(record => record.introduced.day).sort()[1]
  const on = record => record.introduced.day === day ? record.introduced.count : 0
  const record = {
    ...emptyRecord(mine.locale), cards,
    introduced: { day, count: Math.max(0, on(theirs) + on(mine) - on(base)) }
  }
  const started = pick("started", (a, b) => (a < b ? a : b))
  const exported = pick("exported", (a, b) => (a > b ? a : b))
  if (started) record.started = started
  if (exported) record.exported = exported
  return record
}

// An imported file merged into the current record: each card keeps its later
// review, today's count of new cards the larger. Returns the record and what
// the merge does, for the reader to confirm first.
export function mergeFile(current, file) {
  const record = merge(emptyRecord(current.locale), file, current)
  const summary = { updated: 0, added: 0, older: 0, same: 0 }
  for (const [id, entry] of Object.entries(file.cards)) {
    const order = current.cards[id] ? later(entry, current.cards[id]) : 1
    summary[!current.cards[id] ? "added" : order > 0 ? "updated" : order < 0 ? "older" : "same"] += 1
  }
  const sides = [current, file].filter(side => side.introduced.day === record.introduced.day)
  record.introduced.count = Math.max(...sides.map(side => side.introduced.count))
  return { record, summary }
}

// Cards of `ids` with at least one review.
export function reviewed(record, ids) {
  return ids.filter(id => record.cards[id] && record.cards[id].reps > 0).length
}

// When to suggest an export: a week after the last export (or the first
// review) if the reader has reviewed since.
export function exportDue(record, now = Date.now()) {
  const since = time(record.exported || record.started)
  return Number.isFinite(since) && now - since >= 7 * DAY &&
    Object.values(record.cards).some(entry => time(entry.last_review) > since)
}
