// Loads pages of a running Galley preview in Debian's Chromium and reports what happened, as JSON on stdout.
// It decides nothing: the JUnit tests (BrowserTest, XssBrowserTest) assert on the report.
//
//   node pages.mjs config.json
//
// config: { chromium, userDataDir, base, paths: [{name, path, selector}], widths: [390, 1280],
//           screenshots: dir | null, axe: bool, skipLink: bool, menu: bool, xss: bool, crawl: bool, images: bool, maxPages, tabs }
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const config = JSON.parse(await readFile(process.argv[2], 'utf8'));
const base = new URL(config.base);
const axeSource = config.axe ? await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') : null;
const started = Date.now();

const browser = await puppeteer.launch({
  executablePath: config.chromium,
  headless: true,
  userDataDir: config.userDataDir,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// Everything one page load showed: status, console, requests, and what the checks found.
async function visit(entry, width) {
  const url = new URL(entry.path, base).href;
  const began = Date.now();
  const page = await browser.newPage();
  const seen = { name: entry.name, path: entry.path, url, width, console: [], pageErrors: [], dialogs: [],
    requests: [], failedRequests: [] };
  page.on('console', m => seen.console.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? '' }));
  page.on('pageerror', e => seen.pageErrors.push(String(e?.message ?? e)));
  page.on('dialog', d => { seen.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('requestfailed', r => seen.failedRequests.push({ url: r.url(), error: r.failure()?.errorText ?? '' }));
  await page.setRequestInterception(true);
  page.on('request', r => {
    seen.requests.push(r.url());
    const url = new URL(r.url());
    // Nothing may leave the machine: a request to any other host is recorded and never sent.
    if (url.protocol === 'data:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost') {
      r.continue();
    } else {
      r.abort('blockedbyclient');
    }
  });
  await page.setViewport({ width, height: 900 });
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 15000 });
    seen.status = response ? response.status() : 0;
    // Let late events (image errors, focus, toggles, timers) fire before looking.
    await new Promise(resolve => setTimeout(resolve, config.xss ? 100 : 0));
    seen.finalUrl = page.url();
    seen.title = await page.title();
    if (entry.selector) {
      seen.selectorFound = await page.$(entry.selector) !== null;
    }
    if (config.screenshots) {
      await mkdir(config.screenshots, { recursive: true });
      seen.screenshot = path.join(config.screenshots, `${entry.name}-${width}.png`);
      await page.screenshot({ path: seen.screenshot, fullPage: true });
    }
    if (config.xss) {
      seen.pwned = await page.evaluate(() => window.__pwned !== undefined);
      seen.injected = await page.evaluate(findInjectedMarkup);
      seen.text = await page.evaluate(() => document.body.innerText);
    }
    if (config.images) {
      seen.headers = response ? response.headers() : {};
      // Let lazy images in view finish loading before their sizes are read.
      await page.evaluate(() => Promise.all([...document.images].map(i => i.decode().catch(() => {}))));
      seen.images = await page.evaluate(() => [...document.images].map(i => ({ src: i.getAttribute('src'),
        width: i.getAttribute('width'), height: i.getAttribute('height'), loading: i.getAttribute('loading'),
        naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight })));
      seen.anchors = await page.evaluate(() => [...document.querySelectorAll('main a[href]')].map(a => ({ href: a.getAttribute('href'),
        rel: a.getAttribute('rel'), text: a.textContent.trim() })));
    }
    if (config.crawl) {
      seen.links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map(a => a.href));
    }
    if (config.skipLink) {
      seen.skipLink = await trySkipLink(page);
    }
    if (config.menu) {
      seen.menu = await tryMenu(page, url);
    }
    if (axeSource) {
      await page.evaluate(axeSource);
      seen.axe = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
        .violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 3).map(n => `${n.target.join(' ')}: ${n.failureSummary}`) })));
    }
  } catch (e) {
    seen.error = String(e?.message ?? e);
  } finally {
    await page.close();
  }
  seen.millis = Date.now() - began;
  return seen;
}

// Tab once from the top of the page, then Enter: where is the focus?
async function trySkipLink(page) {
  const describe = () => {
    const e = document.activeElement;
    const main = document.querySelector('main');
    return { tag: e.tagName.toLowerCase(), text: (e.textContent || '').trim().slice(0, 40), insideMain: !!main && main.contains(e) };
  };
  await page.keyboard.press('Tab');
  const first = await page.evaluate(describe);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#main', { timeout: 2000 }).catch(() => {});
  const after = await page.evaluate(describe);
  return { firstFocus: first, afterEnter: after, hash: await page.evaluate(() => location.hash) };
}

// The header's menu as a screen reader gets it, and the focus stops of Tab pressed from the top of a fresh load.
async function tryMenu(page, url) {
  await page.goto(url, { waitUntil: 'load', timeout: 15000 });
  const links = await page.evaluate(() => [...document.querySelectorAll('header nav[aria-label] a')].map(a => ({
    text: a.textContent.trim(), href: a.getAttribute('href'), current: a.getAttribute('aria-current'),
    nav: a.closest('nav').getAttribute('aria-label'), list: a.parentElement.tagName.toLowerCase() === 'li' })));
  const stops = [];
  for (let i = 0; i < links.length + 3; i++) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => {
      const e = document.activeElement;
      return { text: (e.textContent || '').trim().slice(0, 40), inMenu: !!e.closest('header nav[aria-label]'),
        outline: getComputedStyle(e).outlineStyle };
    }));
  }
  return { links, stops };
}

// Runs in the page: elements and attributes that only injected markup could have made.
function findInjectedMarkup() {
  const found = [];
  const dangerousUrl = /^(javascript|data|vbscript):/i;
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'script') {
      // The preview's live-reload script file, structured data, which browsers never run, and the search page's own script.
      const reload = element.getAttribute('src') === '/_preview/reload.js' && !element.textContent;
      const search = location.pathname === '/search/' && /^\/assets\/search\.[0-9a-f]+\.js$/.test(element.getAttribute('src') ?? '');
      if (!reload && !search && element.type !== 'application/ld+json') found.push(`script: ${element.outerHTML.slice(0, 120)}`);
    } else if (tag === 'form' && location.pathname === '/search/' && element.matches('main form.search-form[action="/search/"]')) {
      // The search page's own form.
    } else if (['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'form', 'svg', 'math', 'template'].includes(tag)) {
      found.push(`element: ${element.outerHTML.slice(0, 120)}`);
    } else if (tag === 'meta' && element.hasAttribute('http-equiv')) {
      found.push(`meta: ${element.outerHTML.slice(0, 120)}`);
    } else if (tag === 'style') {
      found.push(`element: ${element.outerHTML.slice(0, 120)}`);
    }
    const noFavicon = tag === 'link' && element.rel === 'icon' && element.getAttribute('href') === 'data:,';
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = noFavicon ? '' : attribute.value.replace(/[\s\u0000-\u001f]/g, '');
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'formaction'
        || (['href', 'src', 'action', 'xlink:href', 'data', 'poster', 'background'].includes(name) && dangerousUrl.test(value))) {
        found.push(`attribute ${name}="${attribute.value.slice(0, 60)}" on <${tag}>`);
      }
    }
  }
  return found;
}

const results = [];
const queue = [...config.paths];
const queued = new Set(queue.map(entry => new URL(entry.path, base).href));
let busy = 0;
// Up to config.tabs pages load at once (the keyboard checks need one); links found are crawled when config.crawl.
async function worker() {
  while (queue.length > 0 || busy > 0) {
    if (queue.length === 0 || results.length >= (config.maxPages ?? 200)) {
      if (busy === 0) return;
      await new Promise(resolve => setTimeout(resolve, 20));
      continue;
    }
    const entry = queue.shift();
    busy++;
    for (const width of config.widths) {
      const seen = await visit(entry, width);
      results.push(seen);
      for (const link of seen.links ?? []) {
        const target = new URL(link);
        target.hash = '';
        // Feeds (the tag pages link theirs) are documents for feed readers, not pages: Chromium shows them in its own
        // XML viewer, whose markup is not ours. The feed tests read them with a feed parser instead.
        const isFeed = /\.xml$/i.test(target.pathname);
        if (target.origin === base.origin && !isFeed && !queued.has(target.href)) {
          queued.add(target.href);
          queue.push({ name: target.pathname, path: target.pathname + target.search });
        }
      }
    }
    busy--;
  }
}
await Promise.all(Array.from({ length: config.tabs ?? 1 }, worker));
const version = await browser.version();
await browser.close();
process.stdout.write(JSON.stringify({ browser: version, millis: Date.now() - started, pages: results }));
