/*
 * Forgiving search: the part of the study site's search worker that finds
 * what a reader meant, not only what they typed.
 *
 * Source of overrides/assets/javascripts/workers/devconcepts-search-tolerance.js,
 * which scripts/build-bundles.mjs bundles with es-hangul (esbuild,
 * one IIFE, from the versions in package-lock.json); the built file is
 * committed, and tests/assets/test_committed_bundles.py checks that it is what
 * the build makes. devconcepts-search.js (the worker in front of Material's)
 * loads it after Material's worker and calls `attach`.
 *
 * Material's worker matches each query word as the prefix of an indexed word
 * and ORs the words. This file rewrites each word of the (already normalised)
 * query into alternatives taken from the index's own vocabulary:
 *
 *   exact    the word itself, when an indexed word starts with it;
 *   form     English: indexed words with the same Porter stem (lunr's own
 *            stemmer), so logging finds log and logs, cookies finds cookie.
 *            Material turns the stemmer off in the index because its queries
 *            end in a wildcard, which skips stemming; a form is sent as an
 *            exact term (`log^1`), so `log` does not also find `login`;
 *   near     only when a word has no exact match: indexed words within an
 *            edit distance. English: 1 for words of 5+ letters, 2 for 8+.
 *            Korean: the distance is counted on jamo (es-hangul's
 *            `disassemble`), 1 for 4+ jamo, 2 for 8+, so 스케쥴러 finds
 *            스케줄러 (쥴/줄 differ by one vowel); at most NEAR per word;
 *   initials a word of initial consonants only (ㄱ–ㅎ, 2 or more) stands for
 *            the words of section titles (page titles, headings, glossary
 *            terms) whose initials start with it, searched in titles only
 *            (`title:쿠버네티스`): body text would only add noise;
 *   split    a word glued across scripts with no match (API서버) is split
 *            into its Latin and Hangul parts.
 *
 * Results are then ranked by how many query words a page matches (in any of
 * its sections, through any alternative), then by how many of those it matches
 * exactly (exact or form, not near or initials), then by the most query words
 * one of its sections matches (all words together), then by the page's own search
 * boost (front matter `search.boost`, which Material's ×1000 title weight
 * outweighs: the glossary's one-line entries say 0.5, to rank below the topic
 * page), then in Material's order.
 * Each result's `terms` (Material's "missing" line and the `h=` highlight of
 * the link) speak of the alternatives that matched and the words as typed
 * that did not.
 *
 * Relies on Material's worker (9.8): it exposes lunr as `self.lunr` and builds
 * its index with `lunr.Builder#build`; it sets `lunr.tokenizer.separator`;
 * it answers with the global `postMessage`, one RESULT per QUERY, in order; a RESULT's `items` are groups of sections per
 * page, each with `terms` (query term → matched) and the page's `boost`; its
 * query transform keeps a `title:` field and adds a trailing wildcard to every
 * term but one with a boost (`log^1`).
 */
import { disassemble } from "es-hangul"

export const NEAR = 3
export const FORMS = 4
export const INITIALS = 5

const HANGUL = /[\uac00-\ud7a3]/
const ALL_HANGUL = /^[\uac00-\ud7a3]+$/
const INITIALS_ONLY = /^[\u3131-\u314e]{2,}$/
const LATIN = /^[a-z]+$/
const PLAIN = /^[\p{L}\p{N}_]+$/u
const SCRIPT_BOUNDARY = /([a-z])(?=[\uac00-\ud7a3])|([\uac00-\ud7a3])(?=[a-z])/

const EXACT = "exact"
const FORM = "form"
const NEAR_MATCH = "near"
const INITIAL = "initials"

/* Jamo of a word. es-hangul's `disassemble` is called once per syllable and
   remembered: a site has a few thousand distinct syllables, and a vocabulary
   of tens of thousands of words is then decomposed in milliseconds. */
const syllableJamo = new Map()
export function jamo(word) {
  let out = ""
  for (const ch of word) {
    let j = syllableJamo.get(ch)
    if (j === undefined) {
      j = disassemble(ch)
      syllableJamo.set(ch, j)
    }
    out += j
  }
  return out
}

/* Initial consonants of an all-Hangul word (the first jamo of each syllable). */
export function initials(word) {
  let out = ""
  for (const ch of word)
    out += jamo(ch)[0]
  return out
}

/* Edit distance with adjacent transpositions (optimal string alignment),
   or max + 1 as soon as it must exceed `max`. Three reused rows: this runs
   over thousands of words on a keystroke. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)]
export function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max)
    return max + 1
  if (rows[0].length <= b.length)
    rows = rows.map(() => new Int32Array(b.length * 2))
  let [prev2, prev, row] = rows
  for (let j = 0; j <= b.length; j++)
    prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    row[0] = i
    let best = i
    const ai = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1)
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && prev2[j - 2] + 1 < d)
        d = prev2[j - 2] + 1
      row[j] = d
      if (d < best)
        best = d
    }
    if (best > max)
      return max + 1
    const spare = prev2
    prev2 = prev
    prev = row
    row = spare
  }
  return prev[b.length]
}

/* Which letters a string has, as two 32-bit masks: the 51 Hangul
   compatibility jamo (U+3131–U+3163) one bit each, a–z one bit each (shared
   with jamo bits: words are compared within one script), other characters
   hashed onto the 13 bits left. A letter of one string missing from the other
   costs at least one edit, so more such letters than `max` rule a word out
   before its distance is computed; bits shared by two letters only weaken
   that bound. */
function letters(text) {
  let lo = 0
  let hi = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const k = c - 0x3131
    if (k >= 0 && k < 32) lo |= 1 << k
    else if (k >= 32 && k < 51) hi |= 1 << (k - 32)
    else if (c >= 97 && c <= 122) lo |= 1 << (c - 97)
    else hi |= 1 << (19 + (c % 13))
  }
  return [lo, hi]
}

function bits(n) {
  n -= (n >>> 1) & 0x55555555
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333)
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

function missing(a, b) {
  return Math.max(bits(a[0] & ~b[0]) + bits(a[1] & ~b[1]), bits(b[0] & ~a[0]) + bits(b[1] & ~a[1]))
}

function allowedDistance(length) {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0
}

function allowedJamoDistance(length) {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

/*
 * The index's vocabulary and what can be looked up in it.
 *
 * entries: [word, docs, inTitle] for every indexed word (as lunr stores it:
 *   lowercased, split at the index's separator); docs is the number of
 *   sections that have it, inTitle whether one has it in its title.
 * options.stem: word → Porter stem (English), or null
 * options.isStopWord: word → boolean (stop words do not count towards a
 *   page's coverage), or null
 */
export function createTolerance(entries, options = {}) {
  const stem = options.stem || null
  const isStopWord = options.isStopWord || (() => false)
  const docs = new Map()
  for (const [word, count] of entries)
    docs.set(word, count)
  const sorted = [...docs.keys()].sort()
  const stems = new Map()
  /* What near and initials matching search, made on the first query that
     needs it (a word with no exact match, or initials): a first query that
     matches as typed does not wait for every word's jamo. */
  let near = null
  function nearLists() {
    if (near)
      return near
    near = { latin: new Map(), hangul: new Map(), titleInitials: [] }
    for (const [word, , inTitle] of entries) {
      if (LATIN.test(word))
        push(near.latin, word.length, [word, letters(word)])
      else if (HANGUL.test(word)) {
        /* Korean words by their number of jamo, with their jamo */
        const j = jamo(word)
        push(near.hangul, j.length, [word, j, letters(j)])
      }
      if (inTitle && ALL_HANGUL.test(word) && word.length >= 2)
        near.titleInitials.push([initials(word), word])
    }
    return near
  }

  function push(map, key, value) {
    const list = map.get(key)
    if (list) list.push(value)
    else map.set(key, [value])
  }

  /* Index of the first word >= prefix */
  function lowerBound(prefix) {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] < prefix) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  function hasPrefix(word) {
    const i = lowerBound(word)
    return i < sorted.length && sorted[i].startsWith(word)
  }

  function stemOf(word) {
    let s = stems.get(word)
    if (s === undefined) {
      s = stem(word)
      stems.set(word, s)
    }
    return s
  }

  /* Most used first, then shorter; a word that only extends a chosen one
     adds nothing, as Material matches prefixes */
  function pick(candidates, limit, keyOf) {
    candidates.sort((a, b) => keyOf(a) - keyOf(b) || docs.get(b.word) - docs.get(a.word) ||
      a.word.length - b.word.length || (a.word < b.word ? -1 : 1))
    const chosen = []
    for (const c of candidates) {
      if (chosen.length >= limit)
        break
      if (!chosen.some(other => c.word.startsWith(other.word)))
        chosen.push(c)
    }
    return chosen.map(c => c.word)
  }

  /* English words with the same stem as `word` (log → logs, logging) */
  function formsOf(word) {
    if (!stem || !LATIN.test(word) || word.length < 3)
      return []
    const s = stemOf(word)
    const prefix = s.slice(0, Math.max(3, s.length - 2))
    const out = []
    for (let i = lowerBound(prefix); i < sorted.length && sorted[i].startsWith(prefix); i++) {
      const other = sorted[i]
      if (other !== word && !other.startsWith(word) && LATIN.test(other) && stemOf(other) === s)
        out.push(other)
    }
    out.sort((a, b) => docs.get(b) - docs.get(a) || a.length - b.length)
    return out.slice(0, FORMS)
  }

  function nearOf(word) {
    const candidates = []
    if (LATIN.test(word)) {
      const max = allowedDistance(word.length)
      const set = letters(word)
      for (let n = word.length - max; max && n <= word.length + max; n++)
        for (const [other, their] of nearLists().latin.get(n) || []) {
          if (missing(set, their) > max)
            continue
          const d = distance(word, other, max)
          if (d <= max)
            candidates.push({ word: other, d })
        }
    } else if (HANGUL.test(word)) {
      const mine = jamo(word)
      const set = letters(mine)
      const max = allowedJamoDistance(mine.length)
      for (let n = mine.length - max; max && n <= mine.length + max; n++)
        for (const [other, theirs, their] of nearLists().hangul.get(n) || []) {
          if (missing(set, their) > max)
            continue
          const d = distance(mine, theirs, max)
          if (d <= max)
            candidates.push({ word: other, d })
        }
    }
    return pick(candidates, NEAR, c => c.d)
  }

  /* Title words whose initials start with `query` (ㅋㅂㄴㅌㅅ → 쿠버네티스) */
  function initialsOf(query) {
    const candidates = []
    for (const [mine, word] of nearLists().titleInitials)
      if (mine.startsWith(query))
        candidates.push({ word, rest: mine.length - query.length })
    return pick(candidates, INITIALS, c => c.rest)
  }

  function alternatives(word) {
    if (INITIALS_ONLY.test(word))
      return initialsOf(word).map(w => ({ term: w, kind: INITIAL }))
    const alts = []
    if (hasPrefix(word))
      alts.push({ term: word, kind: EXACT })
    for (const form of formsOf(word))
      alts.push({ term: form, kind: FORM })
    if (!alts.length)
      for (const w of nearOf(word))
        alts.push({ term: w, kind: NEAR_MATCH })
    return alts
  }

  /* The query to send to Material's worker, and the plan to rank its results */
  function rewrite(query, separator) {
    const parts = []
    const words = []
    for (const piece of query.split(separator)) {
      if (!piece)
        continue
      const lower = piece.toLowerCase()
      if (!PLAIN.test(piece)) {
        parts.push(piece)
        continue
      }
      let pieces = [lower]
      if (!hasPrefix(lower) && SCRIPT_BOUNDARY.test(lower))
        pieces = lower.replace(new RegExp(SCRIPT_BOUNDARY, "g"), "$1$2 ").split(" ")
      for (const w of pieces) {
        const alts = alternatives(w)
        words.push({ text: w, alts, counts: !isStopWord(w) })
        if (!alts.length)
          parts.push(w)
        for (const alt of alts)
          parts.push(alt.kind === INITIAL ? `title:${alt.term}` : alt.kind === FORM ? `${alt.term}^1` : alt.term)
      }
    }
    return { query: [...new Set(parts)].join(" "), words }
  }

  return { rewrite, hasPrefix, formsOf, nearOf, initialsOf, alternatives }
}

/* Results ranked by the number of query words a page matches, then by the
   number it matches exactly, then by the most words one of its sections
   matches (a section on JWT storage says more about "jwt storage" than a page
   with JWT in one section and storage in another); each item's `terms`
   rewritten for display. */
export function rerank(result, plan) {
  if (!result || !Array.isArray(result.items) || !plan.words.length)
    return result
  const owned = new Set()
  for (const word of plan.words)
    for (const alt of word.alts)
      owned.add(alt.term)
  const ranked = result.items.map((group, order) => {
    let covered = 0
    let exact = 0
    let together = 0
    for (const item of group) {
      let here = 0
      for (const word of plan.words)
        if (word.counts && item.terms && word.alts.some(alt => item.terms[alt.term] === true))
          here++
      together = Math.max(together, here)
    }
    for (const word of plan.words) {
      if (!word.counts)
        continue
      let best = 0
      for (const item of group)
        for (const alt of word.alts)
          if (item.terms && item.terms[alt.term] === true)
            best = Math.max(best, alt.kind === EXACT || alt.kind === FORM ? 2 : 1)
      covered += best > 0
      exact += best === 2
    }
    for (const item of group) {
      if (!item.terms)
        continue
      const terms = {}
      for (const [key, value] of Object.entries(item.terms))
        if (value || !owned.has(key))
          terms[key] = value
      for (const word of plan.words)
        if (word.counts && !word.alts.some(alt => item.terms[alt.term] === true) && Object.keys(item.terms).length)
          terms[word.text] = false
      item.terms = terms
    }
    const boost = group.reduce((most, item) => Math.max(most, item.boost === undefined ? 1 : item.boost), 0)
    return { group, covered, exact, together, boost, order }
  })
  ranked.sort((a, b) => b.covered - a.covered || b.exact - a.exact || b.together - a.together ||
    b.boost - a.boost || a.order - b.order)
  return { ...result, items: ranked.map(r => r.group) }
}

/* The vocabulary of a built lunr index: [word, sections, in a title] */
export function vocabularyOf(index) {
  const out = []
  const inverted = index.invertedIndex
  for (const word of Object.keys(inverted)) {
    const posting = inverted[word]
    let count = 0
    let inTitle = false
    for (const field of Object.keys(posting)) {
      if (field === "_index")
        continue
      const n = Object.keys(posting[field]).length
      count += n
      if (field === "title" && n > 0)
        inTitle = true
    }
    out.push([word, count, inTitle])
  }
  return out
}

/*
 * Hook into Material's worker in `scope`, given the lunr index it built:
 * build the vocabulary and rank its RESULT messages from now on. `messages`
 * holds Material's message numbers (RESULT). Returns `rewrite(query)`, for
 * the QUERY messages. devconcepts-search.js loads this file and calls it once
 * Material's worker has built its index (the reader opened search), so a page
 * that never searches does not download it; Material's worker answers each
 * message before the next one arrives, so no RESULT of an earlier query is
 * still to come.
 */
export function attach(scope, messages, index) {
  const lunr = scope.lunr
  const separator = new RegExp(lunr.tokenizer.separator.source, "g")
  const stemmer = lunr.stemmer
  const tolerance = createTolerance(vocabularyOf(index), {
    stem: stemmer ? word => stemmer(new lunr.Token(word)).toString() : null,
    isStopWord: word => lunr.stopWordFilter ? !lunr.stopWordFilter(word) : false
  })
  const plans = []
  const post = scope.postMessage.bind(scope)
  scope.postMessage = function (message) {
    if (message && message.type === messages.RESULT && plans.length)
      message = { ...message, data: rerank(message.data, plans.shift()) }
    return post(message)
  }
  return function rewrite(query) {
    const plan = tolerance.rewrite(query, separator)
    plans.push(plan)
    return plan.query
  }
}
