/*
 * Search worker of the study site: Material's own search worker, with a query
 * normaliser in front of it.
 *
 * Material matches each query word as the prefix of an indexed word, so a
 * Korean noun finds its particle forms (컨테이너 → 컨테이너를) but a query
 * that carries a particle (컨테이너를, 스케줄러가) finds only that exact form,
 * and a compound typed without spaces (검색증강생성) finds nothing. Before a
 * query reaches Material's worker, each Korean word in it is rewritten:
 *
 *   1. a known noun stays as typed; a particle standing alone after a
 *      bracket (상태(session)를) is dropped;
 *   2. noun + particle becomes the noun (스케줄러가 → 스케줄러, RAG란 → RAG);
 *   3. a run of known nouns is split (검색증강생성 → 검색 증강 생성);
 *   4. otherwise a trailing particle is dropped when two or more syllables
 *      remain (prefix matching still finds the full word);
 *   5. anything else stays as typed.
 *
 * The particles and the known nouns (stems) come with the index, in
 * config.normalizer, written at build time by the devconcepts-search plugin.
 * The normalised query then goes through devconcepts-search-tolerance.js
 * (misspellings, English word forms, initial consonants), which also ranks
 * the results by the number of query words each page matches.
 *
 * The page starts this file instead of Material's worker and names Material's
 * worker file in the `worker` URL parameter; this file loads it and passes
 * every message on, with the query rewritten. Loaded in a page (not a
 * worker), it only defines `DevconceptsSearch.createNormalizer` and
 * `.builderAdd` (lunr's Builder.add, rewritten below), for tests.
 */
(function (scope) {
  "use strict"

  var HANGUL = /[\uac00-\ud7a3]/
  var LATIN_OR_DIGIT_END = /[0-9a-z]$/
  var WORD = /[\p{L}\p{N}_]+/gu
  var MIN_STEM = 2

  /* Material's worker message types (SearchMessageType); recorded in
     src/devconcepts/core/material_internals.py (WORKER_MESSAGES), and
     tests/theme/test_upgrade_guard.py checks this file and Material's
     worker against it. */
  var SETUP = 0
  var QUERY = 2
  var RESULT = 3

  function hangulLength(text) {
    var n = 0
    for (var i = 0; i < text.length; i++)
      if (HANGUL.test(text[i])) n++
    return n
  }

  function createNormalizer(lexicon) {
    var stems = new Set(lexicon.stems || [])
    var particles = (lexicon.particles || []).slice()
      .sort(function (a, b) { return b.length - a.length })
    var isParticle = new Set(particles)
    var longest = 0
    stems.forEach(function (stem) { longest = Math.max(longest, stem.length) })

    /* Readings of `word` without one trailing particle, longest particle first */
    function bases(word) {
      var out = []
      for (var i = 0; i < particles.length; i++) {
        var p = particles[i]
        if (word.length > p.length && word.endsWith(p))
          out.push(word.slice(0, -p.length))
      }
      return out
    }

    /* Fewest known stems that make up `word` exactly, or null */
    function split(word) {
      var best = [[]]
      for (var end = 1; end <= word.length; end++) {
        best[end] = null
        for (var len = MIN_STEM; len <= Math.min(longest, end); len++) {
          var prev = best[end - len]
          var piece = word.slice(end - len, end)
          if (prev && stems.has(piece) && (!best[end] || prev.length + 1 < best[end].length))
            best[end] = prev.concat([piece])
        }
      }
      return best[word.length]
    }

    function normalizeWord(word) {
      var lower = word.toLowerCase()
      if (!HANGUL.test(lower) || stems.has(lower))
        return word
      /* A particle on its own, split off by a bracket: 상태(session)를 */
      if (isParticle.has(lower))
        return ""
      var readings = bases(lower)
      for (var i = 0; i < readings.length; i++)
        if (stems.has(readings[i]) || LATIN_OR_DIGIT_END.test(readings[i]))
          return word.slice(0, readings[i].length)
      var candidates = [lower].concat(readings)
      for (var j = 0; j < candidates.length; j++) {
        var parts = split(candidates[j])
        if (parts && parts.length > 1)
          return parts.join(" ")
      }
      for (var k = 0; k < readings.length; k++)
        if (hangulLength(readings[k]) >= MIN_STEM)
          return readings[k]
      return word
    }

    return function normalize(query) {
      return query.replace(WORD, normalizeWord).replace(/\s+/g, " ").trim()
    }
  }

  scope.DevconceptsSearch = { createNormalizer: createNormalizer, builderAdd: add }

  if (typeof WorkerGlobalScope === "undefined" || !(scope instanceof WorkerGlobalScope))
    return

  /* Material's worker, from this folder, loaded with the first message (the
     bundle sends SETUP, with the index, once the reader opens search:
     overrides/partials/lazy-requests.html), so a page that never searches
     downloads only this file. Its message listener is kept, to be called
     with each message after the rewrite below. */
  var params = new URL(scope.location.href).searchParams
  var material = params.get("worker") || ""
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
    throw new Error("devconcepts-search: expected ?worker=search.<hash>.min.js, got " + material)
  var listeners = null
  var addEventListener = scope.addEventListener
  /* Typo tolerance, word forms, initial consonants and ranking by the number
     of query words matched (src/devconcepts/search/worker/tolerance.mjs),
     loaded once Material's worker has built its lunr index (the reader has
     just opened search and is about to type): it reads that index's
     vocabulary, kept here. */
  var built = null
  function loadMaterial() {
    listeners = []
    scope.addEventListener = function (type, listener, options) {
      if (type === "message")
        listeners.push(listener)
      else
        addEventListener.call(scope, type, listener, options)
    }
    try {
      importScripts(material)
    } finally {
      scope.addEventListener = addEventListener
    }
    scope.lunr.Builder.prototype.add = add
    var build = scope.lunr.Builder.prototype.build
    scope.lunr.Builder.prototype.build = function () {
      built = build.apply(this, arguments)
      return built
    }
  }
  /* lunr's Builder.add (lunr 2.3.9, in Material's worker), doing the same
     with each token's string taken once and its postings reached through
     locals: about a quarter of the index's build, which a reader waits for
     after opening search (1,000 pages: 190 ms of 800 ms in Node). The
     original's text is recorded in src/devconcepts/core/material_internals.py
     (LUNR_BUILDER_ADD), which tests/theme/test_upgrade_guard.py checks
     against Material's worker; tests/search compare the two indexes. */
  function add(doc, attributes) {
    var lunr = scope.lunr
    var docRef = doc[this._ref], fields = Object.keys(this._fields)
    var whitelist = this.metadataWhitelist, inverted = this.invertedIndex
    this._documents[docRef] = attributes || {}
    this.documentCount += 1
    for (var i = 0; i < fields.length; i++) {
      var fieldName = fields[i], extractor = this._fields[fieldName].extractor
      var field = extractor ? extractor(doc) : doc[fieldName]
      var terms = this.pipeline.run(this.tokenizer(field, { fields: [fieldName] }))
      var fieldRef = new lunr.FieldRef(docRef, fieldName), fieldTerms = Object.create(null)
      this.fieldTermFrequencies[fieldRef] = fieldTerms
      this.fieldLengths[fieldRef] = terms.length
      for (var j = 0; j < terms.length; j++) {
        var term = terms[j], key = term.toString()
        fieldTerms[key] = (fieldTerms[key] || 0) + 1
        var posting = inverted[key]
        if (posting == null) {
          posting = Object.create(null)
          posting._index = this.termIndex
          this.termIndex += 1
          for (var k = 0; k < fields.length; k++)
            posting[fields[k]] = Object.create(null)
          inverted[key] = posting
        }
        var byDoc = posting[fieldName], entry = byDoc[docRef]
        if (entry == null)
          entry = byDoc[docRef] = Object.create(null)
        for (var m = 0; m < whitelist.length; m++) {
          var name = whitelist[m], list = entry[name]
          if (list == null)
            list = entry[name] = []
          list.push(term.metadata[name])
        }
      }
    }
  }

  var tolerate = null
  function prepare() {
    if (built && !tolerate) {
      importScripts("devconcepts-search-tolerance.js?v=" + encodeURIComponent(params.get("v") || ""))
      tolerate = scope.DevconceptsSearchTolerance.attach(scope, { RESULT: RESULT }, built)
    }
  }
  function forgive(query) {
    if (!built || !/\S/.test(query))
      return query
    prepare()
    return tolerate(query)
  }

  var normalize = null
  addEventListener.call(scope, "message", function (ev) {
    var message = ev.data
    if (!listeners)
      loadMaterial()
    if (message && message.type === SETUP) {
      var lexicon = message.data && message.data.config && message.data.config.normalizer
      normalize = lexicon ? createNormalizer(lexicon) : null
    } else if (message && message.type === QUERY && normalize) {
      message = { type: QUERY, data: forgive(normalize(message.data)) }
    }
    var event = new MessageEvent("message", { data: message })
    for (var i = 0; i < listeners.length; i++)
      listeners[i].call(scope, event)
    if (message && message.type === SETUP && normalize)
      prepare()
  })
})(self)
