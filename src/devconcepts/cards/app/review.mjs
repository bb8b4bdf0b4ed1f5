// The review page's app: schedules the cards listed on the page with FSRS
// (ts-fsrs) and keeps the reader's progress in localStorage, one entry per
// language (progress.mjs is the record, store.mjs its storage). Bundled
// with ts-fsrs by scripts/build-bundles.mjs into
// overrides/assets/javascripts/review.js, which only the review page loads.
//
// The cards are the page's own `<details data-card>` (the list a reader
// without JavaScript studies from); the controls are in the page's
// <template data-review-app>. Nothing leaves the browser: export and import
// go through a JSON file the reader saves and picks.
import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs"
import { emptyRecord, FORMAT, merge, readStored, reviewed } from "./progress.mjs"
import { openStore, persist } from "./store.mjs"
import { importer } from "./importing.mjs"
import { showNote } from "./notes.mjs"

const GRADES = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy }
const KEYS = { 1: "again", 2: "hard", 3: "good", 4: "easy" }
// No fuzz: the same grade on the same day gives the same interval, which the
// reader can predict and the tests can check.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }))

export function storageKey(locale) {
  return `${FORMAT}:${locale}`
}

// The reader's calendar day: the daily limit of new cards starts at local midnight.
function dayOf(now) {
  const pad = number => String(number).padStart(2, "0")
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
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
    this.store = openStore(storageKey(this.locale))
    this.state = this.load()
    this.importer = importer(root, this)
    // Another tab saved: take its reviews in, keeping this tab's.
    window.addEventListener("storage", event => {
      if (event.key === this.store.key || event.key === null) this.sync()
    })
    this.revealed = false
    this.current = null
    this.bind()
    root.hidden = false
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
  // page order up to what is left of today's limit.
  queue(now = new Date()) {
    const topic = this.find("[data-topic]").value
    const cards = this.cards.filter(card => !topic || card.topic === topic)
    const seen = cards.filter(card => this.state.cards[card.id])
    const due = seen.filter(card => new Date(this.state.cards[card.id].due) <= now)
      .sort((a, b) => new Date(this.state.cards[a.id].due) - new Date(this.state.cards[b.id].due))
    const unseen = cards.filter(card => !this.state.cards[card.id])
    const newLeft = Math.max(0, this.limit - this.introducedToday(now))
    return { study: [...due, ...unseen.slice(0, newLeft)], unseen: unseen.length, learned: seen.length }
  }

  render() {
    const { study, unseen, learned } = this.queue()
    this.root.dataset.due = String(study.length)
    this.find('[data-count="due"]').textContent = study.length
    this.find('[data-count="new"]').textContent = unseen
    this.find('[data-count="learned"]').textContent = learned
    this.current = study[0] || null
    this.revealed = false
    const front = this.find("[data-card-front]")
    const back = this.find("[data-card-back]")
    const topic = this.find("[data-card-topic]")
    const done = this.find("[data-done]")
    back.hidden = true
    this.find("[data-grades]").hidden = true
    if (this.current) {
      topic.replaceChildren(Object.assign(document.createElement("a"),
        { href: this.current.topicHref, textContent: this.current.topicTitle }))
      front.innerHTML = this.current.front
      back.innerHTML = this.current.back
      front.hidden = false
      topic.hidden = false
      done.hidden = true
      this.find("[data-reveal]").hidden = false
    } else {
      front.replaceChildren()
      back.replaceChildren()
      front.hidden = true
      topic.hidden = true
      done.textContent = this.root.dataset.labelDone
      done.hidden = false
      this.find("[data-reveal]").hidden = true
    }
  }

  reveal() {
    if (!this.current || this.revealed) return
    this.revealed = true
    this.find("[data-card-back]").hidden = false
    this.find("[data-reveal]").hidden = true
    this.find("[data-grades]").hidden = false
    // The focused button was hidden: keep the keyboard on the grades.
    this.find('[data-grade="good"]').focus()
  }

  grade(name) {
    if (!this.current || !this.revealed || !(name in GRADES)) return
    const now = new Date()
    const stored = this.state.cards[this.current.id]
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
    if (!window.confirm(this.root.getAttribute("data-label-reset_confirm"))) return
    this.store.remove()
    this.state = emptyRecord(this.locale)
    this.base = emptyRecord(this.locale)
    this.shown(this.state)
    this.render()
    this.status(this.root.getAttribute("data-label-reset_done"))
  }

  bind() {
    this.find("[data-reveal]").addEventListener("click", () => this.reveal())
    for (const button of this.root.querySelectorAll("[data-grade]")) {
      button.addEventListener("click", () => this.grade(button.dataset.grade))
    }
    this.find("[data-topic]").addEventListener("change", () => this.render())
    this.find("[data-export]").addEventListener("click", () => this.exportFile())
    const picker = this.find("[data-import]")
    picker.addEventListener("change", () => {
      if (picker.files.length) this.importFile(picker.files[0]).finally(() => { picker.value = "" })
    })
    this.find("[data-reset]").addEventListener("click", () => this.reset())
    document.addEventListener("keydown", event => this.key(event))
  }

  key(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    const target = event.target
    if (target.closest && target.closest("input, select, textarea, [contenteditable]")) return
    if (event.key === " " && !this.revealed && this.current) {
      // A focused button or link keeps its own Space.
      if (target.closest && target.closest("button, a, summary") && !target.closest("[data-reveal]")) return
      event.preventDefault()
      this.reveal()
    } else if (KEYS[event.key] && this.revealed) {
      event.preventDefault()
      this.grade(KEYS[event.key])
    }
  }
}

// The controls wait in a <template>, out of the page a reader without
// JavaScript sees; they go in its place once the app can run them.
const template = document.querySelector("template[data-review-app]")
if (template) {
  template.replaceWith(template.content.cloneNode(true))
  const root = document.querySelector("[data-review]")
  if (root) new Review(root)
}
