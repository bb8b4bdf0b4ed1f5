// Build the site's committed script bundles: our ES modules and the npm
// packages they import, bundled by esbuild into one minified classic script
// each, so pages (and the search worker, whose importScripts takes classic
// scripts only) need no CDN and work offline. Run this after changing an
// entry module or a locked package version, and commit the result:
//
//     node scripts/build-bundles.mjs                 # every bundle, in place
//     node scripts/build-bundles.mjs NAME [OUTFILE]  # one bundle
//     node scripts/build-bundles.mjs --list          # the table below, as JSON
//
// tests/assets/test_committed_bundles.py rebuilds each and compares the bytes.
import { createHash } from "node:crypto"
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { build, transform } from "esbuild"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")

const BUNDLES = {
  // The review page's app; only the review page loads it.
  "review": {
    entry: "src/devconcepts/cards/app/review.mjs",
    out: "overrides/assets/javascripts/review.js",
    package: "ts-fsrs",
    home: "https://github.com/open-spaced-repetition/ts-fsrs",
  },
  // The search worker's forgiving part; the worker loads it on the first query.
  "search-tolerance": {
    entry: "src/devconcepts/search/worker/tolerance.mjs",
    out: "overrides/assets/javascripts/workers/devconcepts-search-tolerance.js",
    package: "es-hangul",
    home: "https://github.com/toss/es-hangul",
    globalName: "DevconceptsSearchTolerance",
  },
  // The scripts every page loads: mkdocs.yml's extra_javascript, each
  // minified with its names shortened, in that order (devconcepts-assets
  // serves this file while its first line names the sources' digest, and
  // joins the sources with a lighter minifier once they have changed).
  "site-scripts": {
    scripts: "mkdocs.yml",
    out: "overrides/assets/javascripts/devconcepts.min.js",
  },
  // The service worker, which downloads with every first visit; minified on
  // both sides of its line of build lists, which devconcepts-offline fills in
  // (src/devconcepts/offline/worker.py) and keeps on a line of its own.
  "service-worker": {
    worker: "src/devconcepts/offline/sw.js",
    placeholder: "/*BUILD*/ null",
    out: "src/devconcepts/offline/sw.min.js",
  },
}

const minified = async code => (await transform(code, {
  loader: "js", minify: true, target: "es2020", charset: "utf8", legalComments: "none",
})).code

async function serviceWorker(spec, outfile) {
  const source = readFileSync(join(root, spec.worker))
  const text = source.toString("utf8")
  const at = text.indexOf(spec.placeholder)
  if (at < 0 || text.indexOf(spec.placeholder, at + 1) >= 0)
    throw new Error(`${spec.worker} must hold '${spec.placeholder}' once`)
  const start = text.lastIndexOf("\n", at) + 1
  const end = text.indexOf("\n", at)
  const name = spec.worker.split("/").pop()
  const head = `/*sources ${sourcesDigest([name], () => source)}: node scripts/build-bundles.mjs service-worker*/\n`
  writeFileSync(outfile || join(root, spec.out),
    head + (await minified(text.slice(0, start))) + text.slice(start, end) + "\n" + (await minified(text.slice(end))))
}

/* mkdocs.yml's extra_javascript: the `- path` lines under the key. */
function extraJavascript(config) {
  const lines = readFileSync(join(root, config), "utf8").split("\n")
  const start = lines.findIndex(line => /^extra_javascript:\s*$/.test(line))
  if (start < 0) throw new Error(`${config} has no extra_javascript list`)
  const paths = []
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue
    const item = line.match(/^\s+-\s+(\S+)\s*$/)
    if (!item) break
    paths.push(item[1])
  }
  return paths
}

/* The digest devconcepts-assets compares (src/devconcepts/assets/bundle.py,
   `sources_digest`): each path as listed, then its bytes. */
function sourcesDigest(paths, read) {
  const hash = createHash("sha256")
  for (const path of paths) {
    hash.update(path + "\n")
    hash.update(read(path))
    hash.update("\n")
  }
  return hash.digest("hex").slice(0, 16)
}

async function scripts(spec, outfile) {
  const paths = extraJavascript(spec.scripts)
  const read = path => readFileSync(join(root, "overrides", path))
  const parts = []
  for (const path of paths)
    parts.push(await minified(read(path).toString("utf8")))
  const head = `/*sources ${sourcesDigest(paths, read)}: node scripts/build-bundles.mjs site-scripts*/\n`
  writeFileSync(outfile || join(root, spec.out), head + parts.join(""))
}

async function bundle(name, outfile) {
  const spec = BUNDLES[name]
  if (!spec) throw new Error(`no bundle '${name}'; the bundles are: ${Object.keys(BUNDLES).join(", ")}`)
  if (spec.scripts) return scripts(spec, outfile)
  if (spec.worker) return serviceWorker(spec, outfile)
  const pkg = join(root, "node_modules", spec.package)
  const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version
  // The package's licence asks for its notice in every copy.
  const licence = readFileSync(join(pkg, "LICENSE"), "utf8").trim().split("\n")
    .map(line => (" * " + line).trimEnd()).join("\n")
  await build({
    absWorkingDir: root,
    entryPoints: [spec.entry],
    outfile: outfile || join(root, spec.out),
    bundle: true,
    format: "iife",
    ...(spec.globalName ? { globalName: spec.globalName } : {}),
    minify: true,
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    banner: {
      js: `/* Built by scripts/build-bundles.mjs from ${spec.entry}; do not edit.\n` +
        ` * It includes ${spec.package} ${version} (${spec.home}):\n *\n${licence}\n */`
    },
    logLevel: "warning"
  })
}

const [first, second] = process.argv.slice(2)
if (first === "--list") {
  console.log(JSON.stringify(BUNDLES))
} else if (first) {
  await bundle(first, second)
} else {
  for (const name of Object.keys(BUNDLES)) await bundle(name)
}
