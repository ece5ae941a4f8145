// Uses the search page of a running Galley preview as a reader would, in Debian's Chromium, and reports what
// happened as JSON on stdout. It decides nothing: SearchBrowserTest asserts on the report.
//
//   node search.mjs config.json
//
// config: { chromium, userDataDir, base, widths: [390, 1280], screenshots: dir,
//           query, prefill, xssQuery, csp }
//
// Every page of the site is served with config.csp, the CDN's Content-Security-Policy, so that the script is
// proven to run under it (the preview sends none); the preview's inline live-reload script, which that policy
// would refuse, is left out.
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const config = JSON.parse(await readFile(process.argv[2], 'utf8'));
const base = new URL(config.base);
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
await mkdir(config.screenshots, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: config.chromium,
  headless: true,
  userDataDir: config.userDataDir,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// A tab that records what a check needs to know besides the page: console, uncaught errors, dialogs, requests.
async function open(width, { javaScript = true } = {}) {
  const page = await browser.newPage();
  const seen = { console: [], pageErrors: [], dialogs: [], requests: [] };
  page.on('console', m => seen.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', e => seen.pageErrors.push(String(e?.message ?? e)));
  page.on('dialog', d => { seen.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.setRequestInterception(true);
  page.on('request', r => {
    seen.requests.push(r.url());
    if (r.isNavigationRequest() && new URL(r.url()).origin === base.origin) {
      withPolicy(r).catch(e => { seen.pageErrors.push(`serving ${r.url()}: ${e}`); r.abort(); });
    } else {
      r.continue();
    }
  });
  await page.setJavaScriptEnabled(javaScript);
  await page.setViewport({ width, height: 900 });
  return { page, seen };
}

async function withPolicy(request) {
  const response = await fetch(request.url(), { redirect: 'manual' });
  const body = await response.text();
  await request.respond({
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'text/html',
    headers: { 'Content-Security-Policy': config.csp },
    body,
  });
}

async function go(page, where) {
  const response = await page.goto(new URL(where, base).href, { waitUntil: 'load', timeout: 15000 });
  return response ? response.status() : 0;
}

// Waits until the script has answered the query in its live region (with anything but its loading message, in
// whatever language the page is).
async function answered(page) {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status');
    return status && status.textContent.trim() !== '' && status.textContent !== status.dataset.loading;
  }, { timeout: 5000 });
}

function state() {
  const status = document.getElementById('search-status');
  return {
    url: location.pathname + location.search,
    input: document.getElementById('search-query')?.value ?? null,
    status: status?.textContent ?? null,
    statusLive: status?.getAttribute('aria-live') ?? null,
    noScriptMessage: document.getElementById('search-no-script') !== null,
    results: [...document.querySelectorAll('#search-results li')].map(item => ({
      title: item.querySelector('a')?.textContent ?? '',
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      date: item.querySelector('time')?.textContent ?? '',
      datetime: item.querySelector('time')?.getAttribute('datetime') ?? '',
      text: item.innerText,
      elements: [...item.querySelectorAll('*')].map(e => e.tagName.toLowerCase()),
    })),
    pwned: window.__pwned !== undefined,
  };
}

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
    .violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => `${n.target.join(' ')}: ${n.failureSummary}`) })));
}

function focused() {
  const e = document.activeElement;
  return { tag: e.tagName.toLowerCase(), id: e.id, text: (e.textContent || '').trim().slice(0, 80), href: e.getAttribute('href') };
}

async function atWidth(width) {
  const report = { width };

  // Typing: the results follow each keystroke, and the address keeps the query.
  {
    const { page, seen } = await open(width);
    report.status = await go(page, '/search/');
    report.empty = await page.evaluate(state);
    report.axeEmpty = await axe(page);
    await page.type('#search-query', config.query);
    await answered(page);
    report.typed = await page.evaluate(state);
    report.axeResults = await axe(page);
    report.screenshot = path.join(config.screenshots, `search-${width}.png`);
    await page.screenshot({ path: report.screenshot, fullPage: true });
    report.typedSeen = seen;
    await page.close();
  }

  // The keyboard alone: Tab to the input, type, Enter to the first result, Enter to open it.
  {
    const { page, seen } = await open(width);
    await go(page, '/search/');
    const stops = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(focused);
      stops.push(now);
      if (now.id === 'search-query') break;
    }
    report.tabStops = stops;
    await page.keyboard.type(config.query);
    await answered(page);
    await page.keyboard.press('Enter');
    report.afterEnter = await page.evaluate(focused);
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load', timeout: 5000 }).catch(e => { report.navigationError = String(e); }),
      page.keyboard.press('Enter'),
    ]);
    report.openedByKeyboard = new URL(page.url()).pathname;
    report.keyboardSeen = seen;
    await page.close();
  }

  // A shared link: ?q= fills the input and shows the results at once.
  {
    const { page, seen } = await open(width);
    await go(page, '/search/?q=' + encodeURIComponent(config.prefill));
    await answered(page);
    report.prefilled = await page.evaluate(state);
    report.prefilledSeen = seen;
    await page.close();
  }

  // A title that is markup must show as text and run nothing.
  {
    const { page, seen } = await open(width);
    await go(page, '/search/?q=' + encodeURIComponent(config.xssQuery));
    await answered(page);
    await new Promise(resolve => setTimeout(resolve, 200));  // an injected image's onerror would fire by now
    report.xss = await page.evaluate(state);
    report.xssSeen = seen;
    report.xssScreenshot = path.join(config.screenshots, `search-xss-${width}.png`);
    await page.screenshot({ path: report.xssScreenshot, fullPage: true });
    await page.close();
  }

  // Without JavaScript: the page says so and links to the tags.
  {
    const { page, seen } = await open(width, { javaScript: false });
    report.noScriptStatus = await go(page, '/search/');
    report.noScript = await page.$eval('#search-no-script', e => ({
      text: e.innerText, visible: e.getBoundingClientRect().height > 0,
      links: [...e.querySelectorAll('a')].map(a => a.getAttribute('href')) })).catch(e => ({ error: String(e) }));
    report.noScriptScreenshot = path.join(config.screenshots, `search-no-javascript-${width}.png`);
    await page.screenshot({ path: report.noScriptScreenshot, fullPage: true });
    report.noScriptSeen = seen;
    await page.close();
  }
  return report;
}

const results = [];
for (const width of config.widths) {
  results.push(await atWidth(width));
}
const version = await browser.version();
await browser.close();
process.stdout.write(JSON.stringify({ browser: version, widths: results }));
