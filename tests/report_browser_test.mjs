// The editor's report in a real browser: Debian's headless Chromium driven by
// puppeteer-core, with axe-core for accessibility.
//
//   node tests/report_browser_test.mjs SOURCE_DIR CITELINT OUT_DIR
//
// On the seed's report: it loads with no console error and no request beyond
// the file itself; selecting marker 7 shows note 8 as the one to cite and the
// fix; the rotation shows as one slip and as a ring in the diagram; axe-core
// finds no serious or critical violation (with a card open, too); screenshots
// at 1280×800 and 390×844 go to OUT_DIR. A hostile HTML draft (script,
// event handlers, javascript: links, </style>) runs nothing. With
// ../shared/corpora, the Mueller report volume 1 (1,283 notes) loads in under
// 2 s and weighs under 5 MB. Exit 77 (skipped) without Chromium or the npm
// tools, unless CITELINT_REQUIRE_TEST_TOOLS is set.
import { createRequire } from "node:module";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [source, binary, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
const tools = process.env.CITELINT_TEST_TOOLS || path.join(source, ".cache", "test-tools");
const chromium = process.env.CITELINT_CHROMIUM || "/usr/bin/chromium";
const require = createRequire(path.join(tools, "node_modules", "x.js"));
let puppeteer, axePath;
try {
  puppeteer = require("puppeteer-core");
  axePath = require.resolve("axe-core/axe.min.js");
} catch (e) {
  puppeteer = null;
}
if (!puppeteer || !fs.existsSync(chromium)) {
  const what = !puppeteer ? `puppeteer-core and axe-core in ${tools} (ci/install-test-tools)` : chromium;
  if (process.env.CITELINT_REQUIRE_TEST_TOOLS) {
    console.log(`report_browser_test: missing ${what}`);
    process.exit(1);
  }
  console.log(`report_browser_test: skipped: missing ${what}`);
  process.exit(77);
}

const failures = [];
const fail = (m) => failures.push(m);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citelint-report-"));
fs.mkdirSync(outDir, { recursive: true });

function report(name, input, extra = []) {
  const out = path.join(tmp, name + ".html");
  const r = spawnSync(binary, ["report", input, "-o", out, ...extra], { encoding: "utf-8" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`citelint report ${input}: exit ${r.status}: ${r.stderr}`);
  return out;
}

// A page that records console errors, page errors, dialogs and every
// request other than the report itself (which it blocks).
async function open(browser, file, { bypassCSP = false, width = 1280, height = 800 } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  if (bypassCSP) await page.setBypassCSP(true);
  const log = { errors: [], requests: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("dialog", async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.setRequestInterception(true);
  const own = pathToFileURL(file).href;
  page.on("request", (req) => {
    const url = req.url();
    if (url === own || url.startsWith(own + "#") || url.startsWith("data:")) {
      req.continue();
    } else {
      log.requests.push(url);
      req.abort();
    }
  });
  const start = Date.now();
  await page.goto(own, { waitUntil: "load" });
  log.loadMs = Date.now() - start;
  return { page, log };
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
try {
  // The seed.
  // (The shared seed when it is there; else the fixture copy, whose expectation comments show as text.)
  const sharedSeed = path.join(source, "..", "shared", "seed", "openai-microsoft-partnership.txt");
  const seedFile = report("seed", fs.existsSync(sharedSeed) ? sharedSeed
                                                            : path.join(source, "fixtures", "e2e", "openai-microsoft-partnership.txt"));
  const { page, log } = await open(browser, seedFile);
  const banner = await page.$eval(".banner", (e) => e.textContent);
  if (!/^Hold — 3 citations point at the wrong source$/.test(banner)) fail(`seed banner: ${banner}`);
  await page.screenshot({ path: path.join(outDir, "report-seed-1280x800.png") });
  // Marker 7 on line 28: its card shows note 8 as the one to cite, and the fix.
  const badge = await page.$('a.mk[aria-label^="marker 7, line 28"]');
  if (!badge) {
    fail("no badge for marker 7 on line 28");
  } else {
    const hidden = await page.$eval(`#${await badge.evaluate((b) => b.getAttribute("href").slice(1))}`,
                                    (c) => getComputedStyle(c).display);
    if (hidden !== "none") fail(`marker 7's card is shown before it is selected (${hidden})`);
    await badge.click();
    const card = await page.evaluate(() => {
      const c = document.querySelector(":target");
      return c ? { id: c.id, display: getComputedStyle(c).display, text: c.innerText,
                   right: c.querySelector(".right")?.innerText ?? "", box: c.getBoundingClientRect().height } : null;
    });
    if (!card || card.display === "none" || card.box < 50) fail(`marker 7's card does not show: ${JSON.stringify(card)}`);
    else {
      if (!/Should cite note 8/i.test(card.right) || !/Sam Altman/.test(card.right)) fail(`marker 7's card: ${card.right}`);
      if (!/Fix: change 7 to 8/.test(card.text)) fail(`marker 7's card has no fix: ${card.text}`);
      if (!/Cites note 7/i.test(card.text) || !/Ars Technica/.test(card.text)) fail(`marker 7's card: ${card.text}`);
    }
    await page.screenshot({ path: path.join(outDir, "report-seed-marker7-1280x800.png") });
  }
  // The rotation: one slip, and a ring of notes 7, 8, 9 in the diagram.
  const slip = await page.$eval(".slip", (e) => ({ text: e.innerText, h: e.getBoundingClientRect().height })).catch(() => null);
  if (!slip || slip.h < 10 || !/markers 7, 8 and 9 on lines 28, 34 and 38/.test(slip.text)) fail(`rotation slip: ${JSON.stringify(slip)}`);
  const ring = await page.$$eval("figure svg circle + text", (ts) => ts.map((t) => t.textContent));
  if (!["7", "8", "9"].every((n) => ring.includes(n))) fail(`the diagram's ring lacks notes 7, 8, 9: ${ring}`);
  if (log.errors.length) fail(`console errors on the seed's report: ${log.errors}`);
  if (log.requests.length) fail(`the seed's report requested: ${log.requests}`);
  await page.close();

  // On a phone.
  {
    const { page: phone, log: plog } = await open(browser, seedFile, { width: 390, height: 844 });
    await phone.screenshot({ path: path.join(outDir, "report-seed-390x844.png") });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) fail(`the report is ${overflow}px wider than a 390px phone`);
    if (plog.errors.length || plog.requests.length) fail(`phone: ${plog.errors} ${plog.requests}`);
    await phone.close();
  }

  // Accessibility: axe-core, injected with the page's CSP bypassed.
  for (const state of ["", "#d0-c13"]) {
    const { page: a11y } = await open(browser, seedFile, { bypassCSP: true });
    if (state) await a11y.evaluate((h) => { location.hash = h; }, state);
    await a11y.addScriptTag({ path: axePath });
    const result = await a11y.evaluate(async () => {
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + (n.failureSummary || "")) }));
    });
    const serious = result.filter((v) => v.impact === "serious" || v.impact === "critical");
    if (serious.length) fail(`axe-core${state ? " with " + state : ""}: ${JSON.stringify(serious)}`);
    await a11y.close();
  }

  // A hostile HTML draft: nothing in it runs, loads or leaves its text.
  const hostile = path.join(tmp, "hostile.html");
  fs.writeFileSync(hostile, `<!DOCTYPE html><html><head><title>x</title><style>body{}</style></head><body>
<p>Officials said the deal was done.<sup><a href="#fn1">1</a></sup> <img src="x" onerror="window.pwned='img'">
<a href="javascript:window.pwned='link'">click</a> &lt;/style&gt;&lt;script&gt;window.pwned='text'&lt;/script&gt;
“It is &lt;b&gt;done&lt;/b&gt;,” the mayor said.<sup><a href="#fn2">2</a></sup></p>
<script>window.pwned = 'script'</script><svg onload="window.pwned='svg'"></svg>
<ol class="footnotes"><li id="fn1"><a href="javascript:alert(1)">Harbour Gazette</a> <img src=x onerror="window.pwned='note'">
</style><script>window.pwned='note-script'</script> reports the deal</li></ol></body></html>\n`);
  const hostileFile = report("hostile-report", hostile);
  const html = fs.readFileSync(hostileFile, "utf-8");
  if (/<script|onerror=|onload=|href="javascript:/i.test(html)) fail("the hostile draft's markup reached the report");
  {
    const { page: h, log: hlog } = await open(browser, hostileFile);
    for (const a of await h.$$("a.mk")) await a.click();
    const state = await h.evaluate(() => ({
      pwned: window.pwned ?? null,
      scripts: document.querySelectorAll("script").length,
      handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((x) => /^on/i.test(x.name))).length,
      shown: document.body.innerText.includes("<script>window.pwned='text'</script>"),
    }));
    if (state.pwned !== null || state.scripts || state.handlers || hlog.dialogs.length) fail(`hostile draft: ${JSON.stringify(state)} ${hlog.dialogs}`);
    if (!state.shown) fail("the hostile draft's text is not shown as text");
    if (hlog.requests.length) fail(`the hostile report requested: ${hlog.requests}`);
    await h.close();
  }

  // The Mueller report, volume 1 (1,283 notes), when the corpora are there.
  const mueller = path.join(source, "..", "shared", "corpora", "documents", "mueller-report", "html", "mueller-report-vol-1.html");
  if (fs.existsSync(mueller)) {
    const file = report("mueller", mueller);
    const size = fs.statSync(file).size;
    const { page: m, log: mlog } = await open(browser, file);
    const ms = await m.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd);
    console.log(`Mueller vol. 1: ${(size / 1e6).toFixed(2)} MB, loaded in ${Math.round(ms)} ms`);
    if (size >= 5e6) fail(`the Mueller report's page weighs ${size} bytes`);
    if (ms >= 2000) fail(`the Mueller report's page took ${ms} ms to load`);
    if (mlog.errors.length || mlog.requests.length) fail(`Mueller: ${mlog.errors} ${mlog.requests}`);
    await m.close();
  } else {
    console.log("(no ../shared/corpora: the Mueller report is not measured)");
  }
} finally {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
for (const f of failures) console.log("FAIL", f);
console.log(`report_browser_test: ${failures.length ? failures.length + " failures" : "ok"}; screenshots in ${outDir}`);
process.exit(failures.length ? 1 : 0);
