// The review page's app: schedules the cards listed on the page with FSRS
// (ts-fsrs) and keeps the reader's progress in localStorage, one entry per
// language (progress.mjs is the record, store.mjs its storage). Bundled
// with ts-fsrs by scripts/build-bundles.mjs into
// overrides/assets/javascripts/review.js, which only the review page loads.
//
// The cards are the page's own `<details data-card>` (the list a reader
// without JavaScript studies from); the controls are in the page above them
// (the stylesheet hides them where scripting is off). Every word comes from
// the page (its data-label-* attributes), in the page's language. Nothing
// leaves the browser: export and import go through a JSON file the reader
// saves and picks.
import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs"
import { emptyRecord, FORMAT, merge, readStored, reviewed } from "./progress.mjs"
import { openStore, persist } from "./store.mjs"
import { importer } from "./importing.mjs"
import { label, showNote } from "./notes.mjs"

const GRADES = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy }
const KEYS = { 1: "again", 2: "hard", 3: "good", 4: "easy" }
// No fuzz: the same grade on the same day gives the same interval, which the
// reader can predict and the tests can check.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }))

export function storageKey(locale) {
  return `${FORMAT}:${locale}`
}

const MINUTE = 60 * 1000
// The longest wait a timer is set for: the "next card in N min" note counts
// down by the minute, and a browser may delay a long timer after sleep.
const TICK = MINUTE

// The reader's calendar day: the daily limit of new cards starts at local midnight.
function dayOf(now) {
  const pad = number => String(number).padStart(2, "0")
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

// A span of time as the page's labels write it ("10분", "3 d"): minutes
// (rounded up: "in 1 min" until the card is due) under an hour, then hours,
// days, months and years, rounded.
function span(ms, label) {
  const units = [["hours", 60], ["days", 60 * 24], ["months", 60 * 24 * 30], ["years", 60 * 24 * 365]]
  const minutes = Math.max(1, Math.ceil(ms / MINUTE))
  let [name, count] = ["minutes", minutes]
  for (const [unit, size] of units) if (minutes >= size) [name, count] = [unit, Math.round(minutes / size)]
  return label(name).replace("{n}", String(count))
}

class Review {
  constructor(root) {
    this.root = root
    this.locale = root.dataset.locale
    this.limit = Number(root.dataset.newPerDay) || 0
    this.cards = [...document.querySelectorAll("details[data-card]")].map(details => {
      const topic = details.closest("[data-topic-title]")
      return {
        id: details.dataset.card,
        topic: details.dataset.topic,
        topicTitle: topic ? topic.dataset.topicTitle : "",
        topicHref: topic ? topic.dataset.topicHref : "",
        front: details.querySelector("summary").innerHTML,
        back: details.querySelector(".review-list__back").innerHTML
      }
    })
    this.find = selector => root.querySelector(selector)
    this.label = (name, values) => label(root, name, values)
    this.store = openStore(storageKey(this.locale))
    this.state = this.load()
    this.importer = importer(root, this)
    // Another tab saved: take its reviews in, keeping this tab's.
    window.addEventListener("storage", event => {
      if (event.key === this.store.key || event.key === null) this.sync()
    })
    this.revealed = false
    this.current = null
    // The last grade, to undo: the card's id, its record before the grade
    // (none for a new card) and the day's count of new cards before it.
    this.undoable = null
    this.timer = 0
    // A topic's self-check links here with ?topic=<page>: that topic comes preselected.
    const topic = new URLSearchParams(window.location.search).get("topic")
    const select = this.find("[data-topic]")
    if (topic && [...select.options].some(option => option.value === topic)) select.value = topic
    this.bind()
    this.render()
  }

  // The stored record; `base` keeps a copy of it, what this tab's changes
  // are measured from when it saves.
  load() {
    const record = readStored(this.store.read(), this.locale)
    this.base = JSON.parse(JSON.stringify(record))
    this.shown(record)
    return record
  }

  // Every save reads the stored record again and merges this tab's changes
  // into it, so a review saved by another tab in between is kept.
  save(record = merge(this.base, this.state, readStored(this.store.read(), this.locale))) {
    const seen = Object.values(record.cards).map(card => card.last_review).filter(Boolean).sort()
    if (!record.started && seen.length) record.started = seen[0]
    const text = JSON.stringify(record)
    this.store.write(text)
    this.base = JSON.parse(text)
    this.state = record
    this.shown(record)
    if (seen.length) persist()
  }

  // Another tab's save: merged in, and the card view redrawn unless the
  // reader is reading this card's answer and the card did not change.
  sync() {
    const current = this.current && JSON.stringify(this.state.cards[this.current.id])
    const theirs = readStored(this.store.read(), this.locale)
    const record = merge(this.base, this.state, theirs)
    this.base = JSON.parse(JSON.stringify(theirs))
    this.state = record
    if (JSON.stringify(record) !== JSON.stringify(theirs)) this.save(record)
    this.shown(record)
    if (!this.revealed || current !== JSON.stringify(record.cards[this.current.id])) this.render()
  }

  // A record the importer made: merged (and saved like any change) or, the
  // reader having confirmed it, replacing what is stored.
  adopt(record, replacing) {
    this.state = record
    this.save(replacing ? record : undefined)
    this.render()
  }

  // What the page shows of the record besides the cards: the reviewed count
  // (data-reviewed) and the note on where progress lives.
  shown(record) {
    this.root.dataset.reviewed = String(reviewed(record, this.cards.map(card => card.id)))
    showNote(this.root, record, this.store.available)
  }

  introducedToday(now) {
    const introduced = this.state.introduced || {}
    return introduced.day === dayOf(now) ? introduced.count : 0
  }

  // The cards to study now: due reviews (oldest first), then new cards in
  // page order up to what is left of today's limit; and when the next of the
  // topic's seen cards comes due, if none is due now.
  queue(now = new Date()) {
    const topic = this.find("[data-topic]").value
    const cards = this.cards.filter(card => !topic || card.topic === topic)
    const seen = cards.filter(card => this.state.cards[card.id])
    const dueAt = card => new Date(this.state.cards[card.id].due)
    const due = seen.filter(card => dueAt(card) <= now).sort((a, b) => dueAt(a) - dueAt(b))
    const unseen = cards.filter(card => !this.state.cards[card.id])
    const newLeft = Math.max(0, this.limit - this.introducedToday(now))
    const later = seen.map(dueAt).filter(date => date > now).sort((a, b) => a - b)
    return { study: [...due, ...unseen.slice(0, newLeft)], unseen: unseen.length, learned: seen.length,
      total: cards.length, next: later[0] || null }
  }

  // `first`: a card to show first if it is due (the one an undo brought back).
  render(first = null) {
    const now = new Date()
    const queue = this.queue(now)
    const { study, next } = queue
    this.count(queue)
    this.current = study.find(card => card.id === first) || study[0] || null
    this.revealed = false
    const front = this.find("[data-card-front]")
    const back = this.find("[data-card-back]")
    const topic = this.find("[data-card-topic]")
    const done = this.find("[data-done]")
    const later = this.find("[data-next]")
    back.hidden = true
    this.find("[data-grades]").hidden = true
    this.find("[data-undo]").hidden = !this.undoable
    const wait = this.later(next, now)
    if (this.current) {
      topic.replaceChildren(Object.assign(document.createElement("a"),
        { href: this.current.topicHref, textContent: this.current.topicTitle }))
      front.innerHTML = this.current.front
      back.innerHTML = this.current.back
      front.hidden = false
      topic.hidden = false
      done.hidden = true
      later.hidden = true
      this.find("[data-reveal]").hidden = false
    } else {
      front.replaceChildren()
      back.replaceChildren()
      front.hidden = true
      topic.hidden = true
      done.textContent = this.label("done")
      done.hidden = false
      this.find("[data-reveal]").hidden = true
      later.hidden = wait === null
      if (wait !== null) later.textContent = this.label("next", { time: span(wait, name => this.label(name)) })
    }
  }

  count({ study, unseen, learned, total }) {
    this.root.dataset.due = String(study.length)
    this.find('[data-count="due"]').textContent = study.length
    this.find('[data-count="total"]').textContent = total
    this.find('[data-count="new"]').textContent = unseen
    this.find('[data-count="learned"]').textContent = learned
  }

  // A card learned today comes back within minutes or hours: the time until
  // then, and a timer that brings it (and updates the counts) without a
  // reload; a card on the page stays as it is. A later day's card waits for
  // a visit: null.
  later(next, now) {
    clearTimeout(this.timer)
    if (!next || dayOf(next) !== dayOf(now)) return null
    const wait = next - now
    this.timer = setTimeout(() => {
      if (!this.current) return this.render()
      const queue = this.queue()
      this.count(queue)
      this.later(queue.next, new Date())
    }, Math.min(wait, TICK))
    return wait
  }

  // Scrolls the page only as far as needed for the card's question to stay
  // in view (below Material's sticky header) once its answer shows below it.
  keepInView() {
    const front = this.find("[data-card-front]")
    const header = document.querySelector(".md-header")
    const top = header ? header.getBoundingClientRect().bottom : 0
    const box = front.getBoundingClientRect()
    if (box.top < top || box.bottom > window.innerHeight) window.scrollBy(0, box.top - top - 8)
  }

  reveal() {
    if (!this.current || this.revealed) return
    this.revealed = true
    // Each grade's next interval, as FSRS would set it now.
    const now = new Date()
    const preview = scheduler.repeat(this.state.cards[this.current.id] || createEmptyCard(now), now)
    for (const button of this.root.querySelectorAll("[data-grade]")) {
      const due = new Date(preview[GRADES[button.dataset.grade]].card.due)
      button.querySelector("[data-interval]").textContent = span(due - now, name => this.label(name))
    }
    this.find("[data-card-back]").hidden = false
    this.find("[data-reveal]").hidden = true
    this.find("[data-grades]").hidden = false
    // The focused button was hidden: keep the keyboard on the grades,
    // without the browser scrolling the question away to show the button.
    this.find('[data-grade="good"]').focus({ preventScroll: true })
    this.keepInView()
  }

  grade(name) {
    if (!this.current || !this.revealed || !(name in GRADES)) return
    const now = new Date()
    const stored = this.state.cards[this.current.id]
    this.undoable = { id: this.current.id, card: stored ? JSON.parse(JSON.stringify(stored)) : null,
      introduced: { ...(this.state.introduced || { day: "", count: 0 }) } }
    if (!stored) {
      const day = dayOf(now)
      this.state.introduced = { day, count: this.introducedToday(now) + 1 }
    }
    const next = scheduler.next(stored || createEmptyCard(now), now, GRADES[name]).card
    this.state.cards[this.current.id] = JSON.parse(JSON.stringify(next))
    this.save()
    this.render()
    const reveal = this.find("[data-reveal]")
    if (!reveal.hidden) reveal.focus()
    else this.focusCard()
  }

  // The card graded last as it was before: its record and the day's count
  // of new cards back, the card shown again with its question. One level.
  undo() {
    const last = this.undoable
    if (!last) return
    this.undoable = null
    if (last.card) this.state.cards[last.id] = last.card
    else delete this.state.cards[last.id]
    this.state.introduced = last.introduced
    this.save()
    this.render(last.id)
    this.status(this.label("undone"))
    this.focusCard()
  }

  // The keyboard's place between actions: on the card, so Space reveals.
  focusCard() {
    const reveal = this.find("[data-reveal]")
    if (!reveal.hidden) reveal.focus()
    else this.find("[data-card-view]").focus()
  }

  status(text) {
    this.find("[data-status]").textContent = text
  }

  exportFile() {
    this.state.exported = new Date().toISOString()
    this.save()
    const blob = new Blob([JSON.stringify(this.state, null, 1) + "\n"], { type: "application/json" })
    const link = Object.assign(document.createElement("a"), {
      href: URL.createObjectURL(blob),
      download: `${FORMAT}-${this.locale}-${dayOf(new Date())}.json`
    })
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 10000)
  }

  // Checks the file, says what importing it does and waits for the reader (importing.mjs).
  importFile(file) {
    return this.importer(file)
  }

  reset() {
    if (!window.confirm(this.label("reset_confirm"))) return
    this.store.remove()
    this.state = emptyRecord(this.locale)
    this.base = emptyRecord(this.locale)
    this.shown(this.state)
    this.render()
    this.status(this.label("reset_done"))
  }

  bind() {
    this.find("[data-reveal]").addEventListener("click", () => this.reveal())
    for (const button of this.root.querySelectorAll("[data-grade]")) {
      button.addEventListener("click", () => this.grade(button.dataset.grade))
    }
    this.find("[data-undo]").addEventListener("click", () => this.undo())
    // After a topic is picked, an export or an import, the keyboard goes back
    // to the card: Space then reveals instead of reopening the menu or exporting again.
    this.find("[data-topic]").addEventListener("change", () => {
      this.undoable = null
      this.render()
      this.focusCard()
    })
    this.find("[data-export]").addEventListener("click", () => {
      Promise.resolve(this.exportFile()).finally(() => this.focusCard())
    })
    const picker = this.find("[data-import]")
    picker.addEventListener("change", () => {
      if (picker.files.length) {
        this.undoable = null
        Promise.resolve(this.importFile(picker.files[0])).finally(() => {
          picker.value = ""
          this.focusCard()
        })
      }
    })
    this.find("[data-reset]").addEventListener("click", () => {
      this.undoable = null
      this.reset()
    })
    document.addEventListener("keydown", event => this.key(event))
  }

  // Space reveals and 1–4 grade when the keyboard is on the page, the card
  // or the app's own card buttons; any other control keeps its keys.
  key(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    const target = event.target
    if (target.closest) {
      const control = target.closest("input, select, textarea, [contenteditable], button, a, summary, label, [tabindex]")
      if (control && !control.matches("[data-card-view], [data-reveal], [data-grade]")) return
    }
    if (event.key === " " && !this.revealed && this.current) {
      event.preventDefault()
      this.reveal()
    } else if (KEYS[event.key] && this.revealed) {
      event.preventDefault()
      this.grade(KEYS[event.key])
    }
  }
}

const root = document.querySelector("[data-review]")
if (root) new Review(root)
