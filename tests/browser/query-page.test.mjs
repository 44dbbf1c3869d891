// The query page in a real browser: Debian's headless Chromium driven by playwright-core (no browser download).
//
//   node query-page.test.mjs [PATH/TO/qingpu-kg]
//
// Starts `qingpu-kg serve --bind 127.0.0.1:0` from the repository root, opens /query, loads a named query, runs it
// and checks the table against the query's expected CSV (rows minus header) and that IRIs are links; runs a typed
// query whose IRIs are local links and follows one to its entity page (303 to HTML); shows an endpoint error;
// checks Tab and Ctrl+Enter in the editor; takes a screenshot (a non-empty PNG); and checks that no request
// left 127.0.0.1. Exits 1 on the first failed check. Environment: CHROMIUM (default /usr/bin/chromium),
// SCREENSHOT_DIR (default the system's temporary folder).

import { spawn } from "node:child_process";
import { readFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const NAMED = "external-identifiers";
const TIMEOUT = 30_000;

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`ok - ${message}`);
}

/** The binary: the argument, else the release build, else the debug build of the target folder. */
function binary() {
  if (process.argv[2]) return resolve(process.argv[2]);
  const target = process.env.CARGO_TARGET_DIR || join(root, "target");
  for (const profile of ["release", "debug"]) {
    const path = join(target, profile, "qingpu-kg");
    if (existsSync(path)) return path;
  }
  throw new Error(`no qingpu-kg binary under ${target}; build it or pass its path`);
}

/** Starts the server; resolves with its root URL once it prints `listening on http://ADDR/`. */
function serve(path) {
  const child = spawn(path, ["serve", "--bind", "127.0.0.1:0"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const started = new Promise((resolveUrl, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/listening on (http:\/\/[^\s]+?)\/?\s/);
      if (match) resolveUrl(match[1]);
    });
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => reject(new Error(`serve exited with ${code} before listening: ${err}`)));
  });
  return { child, started };
}

/** The number of records of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text) {
  let records = 0;
  let quoted = false;
  let field = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
      field = true;
    } else if (c === "\n") {
      records++;
      field = false;
    } else if (c !== "\r") {
      field = true;
    }
  }
  return records + (field ? 1 : 0);
}

async function main() {
  const server = serve(binary());
  let browser;
  try {
    const base = await server.started;
    const host = new URL(base).host;
    check(new URL(base).hostname === "127.0.0.1", `serve listens on ${base}`);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(TIMEOUT);
    const requests = [];
    page.on("request", (request) => requests.push(request.url()));

    await page.goto(`${base}/query`);
    const examples = await page.locator("button.example").count();
    const named = readFileSync(join(root, "queries", `${NAMED}.rq`), "utf8");
    check(examples >= 15, `the page lists the named queries (${examples})`);

    // A named query, loaded and run.
    await page.click(`button.example[data-name="${NAMED}"]`);
    check((await page.inputValue("#editor")) === named, `${NAMED} is loaded into the editor`);
    await page.click("#run");
    await page.waitForSelector("#result-table");
    const rows = await page.locator("#result-table tbody tr").count();
    const expected = csvRecords(readFileSync(join(root, "queries", `${NAMED}.csv`), "utf8")) - 1;
    check(rows === expected, `${NAMED}: ${rows} rows in the table, ${expected} in ${NAMED}.csv`);
    check(/^\d+ rows? in \d+ ms$/.test(await page.textContent("#status")), "the status gives the row count and the time");
    const external = await page.locator('#result-table a.iri.external[href^="http://www.wikidata.org/entity/"]').count();
    check(external === 3, `the Wikidata IRIs are links (${external})`);
    const outgoing = requests.filter((url) => url.includes("wikidata"));
    check(outgoing.length === 0, "showing an external link fetches nothing from it");

    const dir = process.env.SCREENSHOT_DIR || mkdtempSync(join(tmpdir(), "qingpu-kg-browser-"));
    const shot = join(dir, "query-page.png");
    await page.screenshot({ path: shot, fullPage: true });
    const png = readFileSync(shot);
    const signature = png.subarray(0, 8).toString("hex");
    check(signature === "89504e470d0a1a0a" && png.length > 10_000, `a screenshot of ${png.length} bytes in ${shot}`);

    // A typed query: Tab indents, Ctrl+Enter runs, IRIs under the base are local links.
    await page.fill("#editor", "");
    await page.focus("#editor");
    await page.keyboard.press("Tab");
    check((await page.inputValue("#editor")) === "  ", "Tab inserts spaces in the editor");
    await page.fill(
      "#editor",
      "PREFIX qpk: <https://w3id.org/qingpu-kg/ontology#>\nSELECT ?town WHERE { ?town a qpk:Town } ORDER BY ?town",
    );
    await page.focus("#editor");
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction(() => document.querySelector("#status")?.textContent.startsWith("8 rows"));
    const local = await page.locator('#result-table a.iri.local[href^="/id/place/"]').count();
    check(local === 8, `the 8 towns are local links (${local})`);
    const first = page.locator("#result-table a.iri.local").first();
    const href = await first.getAttribute("href");
    await first.click();
    await page.waitForURL(`${base}${href}.html`);
    check((await page.locator("h1 span[lang=zh]").count()) === 1, `${href} leads (303) to its HTML page`);

    // An error of the endpoint is shown.
    await page.goto(`${base}/query`);
    await page.fill("#editor", "SELEKT * WHERE { ?s ?p ?o }");
    await page.click("#run");
    await page.waitForSelector("#error:not([hidden])");
    const error = await page.textContent("#error");
    check(error.trim().length > 0 && (await page.locator("#result-table").count()) === 0, `the error is shown: ${error.trim().split("\n")[0]}`);

    const elsewhere = requests.filter((url) => !url.startsWith("data:") && new URL(url).host !== host);
    check(elsewhere.length === 0, `all ${requests.length} requests went to ${host}${elsewhere.length ? `: ${elsewhere}` : ""}`);
  } finally {
    if (browser) await browser.close();
    server.child.kill();
  }
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
