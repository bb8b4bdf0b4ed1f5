// Run Lighthouse (mobile preset, the default form factor) on several URLs
// with one Chromium, one page after another, and write one JSON line per URL
// with the category scores and the audits that lost points.
//
// usage: node lighthouse_pages.mjs CATEGORIES OUT.jsonl URL...
//   CATEGORIES: comma-separated, e.g. accessibility,best-practices,seo
// Chromium: $CHROME_PATH (falls back to $CHROMIUM_PATH, then /usr/bin/chromium),
// started with the flags in $CHROMIUM_ARGS (a JSON list; lighthouse.py passes
// chromium.py's).
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [categories, outPath, ...urls] = process.argv.slice(2);
const chromePath = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!process.env.CHROMIUM_ARGS) throw new Error('CHROMIUM_ARGS is not set; run this through lighthouse.py');
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: JSON.parse(process.env.CHROMIUM_ARGS) });
// Audits read the page after its load event and a quarter second with no
// network or main-thread work (Lighthouse waits a second for each by
// default, for the performance metrics this script is not asked for).
const QUICK = categories.split(',').includes('performance') ? undefined : {
  extends: 'lighthouse:default',
  settings: { pauseAfterFcpMs: 250, pauseAfterLoadMs: 250, networkQuietThresholdMs: 250, cpuQuietThresholdMs: 250 },
};
const out = fs.createWriteStream(outPath);
try {
  for (const url of urls) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories.split(','),
      disableFullPageScreenshot: true,
      skipAboutBlank: true,
    }, QUICK);
    const lhr = result.lhr;
    const scores = {};
    const failing = {};
    for (const [id, category] of Object.entries(lhr.categories)) {
      scores[id] = category.score;
      failing[id] = category.auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => {
          const audit = lhr.audits[ref.id];
          const items = (audit.details && audit.details.items) || [];
          const where = items.slice(0, 3).map((item) =>
            (item.node && (item.node.selector || item.node.snippet)) || item.url || item.description || '');
          return { id: ref.id, score: audit.score, value: audit.displayValue || '', where };
        });
    }
    const byteWeight = lhr.audits['total-byte-weight'] ? lhr.audits['total-byte-weight'].numericValue : null;
    out.write(JSON.stringify({ url, finalUrl: lhr.finalDisplayedUrl, runtimeError: lhr.runtimeError || null,
      scores, failing, byteWeight }) + '\n');
  }
} finally {
  out.end();
  await chrome.kill();
}
