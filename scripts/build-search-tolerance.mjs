// Build overrides/assets/javascripts/workers/devconcepts-search-tolerance.js:
// src/devconcepts/search/worker/tolerance.mjs and the es-hangul functions it
// imports, bundled by esbuild into one minified IIFE that defines
// `DevconceptsSearchTolerance` (the search worker loads it with importScripts,
// which takes classic scripts only). The output is committed; run this after
// changing tolerance.mjs or the locked es-hangul/esbuild versions:
//
//     node scripts/build-search-tolerance.mjs [OUTFILE]
//
// tests/search/test_tolerance_bundle.py rebuilds it and compares the bytes.
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const outfile = process.argv[2] || join(root, "overrides/assets/javascripts/workers/devconcepts-search-tolerance.js")
const hangul = JSON.parse(readFileSync(join(root, "node_modules/es-hangul/package.json"), "utf8"))

await build({
  absWorkingDir: root,
  entryPoints: ["src/devconcepts/search/worker/tolerance.mjs"],
  outfile,
  bundle: true,
  format: "iife",
  globalName: "DevconceptsSearchTolerance",
  minify: true,
  target: "es2020",
  charset: "utf8",
  legalComments: "none",
  // es-hangul's licence asks for its notice in every copy.
  banner: {
    js: "/* devconcepts-search-tolerance.js, built by scripts/build-search-tolerance.mjs from\n" +
      " * src/devconcepts/search/worker/tolerance.mjs; do not edit. It includes es-hangul " +
      `${hangul.version}\n * (https://github.com/toss/es-hangul):\n *\n` +
      readFileSync(join(root, "node_modules/es-hangul/LICENSE"), "utf8").trim().split("\n")
        .map(line => (" * " + line).trimEnd()).join("\n") + "\n */"
  },
  logLevel: "warning"
})
