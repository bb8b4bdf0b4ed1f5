// Build overrides/assets/javascripts/review.js: the review page's app
// (src/devconcepts/cards/app/review.mjs) and the ts-fsrs functions it
// imports, bundled by esbuild into one minified script of the site's own,
// so the page needs no CDN and works offline. The output is committed; run
// this after changing review.mjs or the locked ts-fsrs/esbuild versions:
//
//     node scripts/build-review.mjs [OUTFILE]
//
// tests/cards/test_review_bundle.py rebuilds it and compares the bytes.
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const outfile = process.argv[2] || join(root, "overrides/assets/javascripts/review.js")
const fsrsPackage = JSON.parse(readFileSync(join(root, "node_modules/ts-fsrs/package.json"), "utf8"))

await build({
  absWorkingDir: root,
  entryPoints: ["src/devconcepts/cards/app/review.mjs"],
  outfile,
  bundle: true,
  format: "iife",
  minify: true,
  target: "es2020",
  charset: "utf8",
  legalComments: "none",
  // ts-fsrs' licence asks for its notice in every copy.
  banner: {
    js: "/* review.js, built by scripts/build-review.mjs from src/devconcepts/cards/app/review.mjs;\n" +
      ` * do not edit. It includes ts-fsrs ${fsrsPackage.version} (https://github.com/open-spaced-repetition/ts-fsrs):\n *\n` +
      readFileSync(join(root, "node_modules/ts-fsrs/LICENSE"), "utf8").trim().split("\n")
        .map(line => (" * " + line).trimEnd()).join("\n") + "\n */"
  },
  logLevel: "warning"
})
