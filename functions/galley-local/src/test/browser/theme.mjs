// Loads pages of a running Galley preview whose content has theme/ files, in Debian's Chromium, and reports what
// the owner's stylesheet, logo and favicon did, as JSON on stdout. It decides nothing: ThemeBrowserTest asserts.
//
//   node theme.mjs config.json
//
// config: { chromium, userDataDir, base, paths: [path], widths: [390, 1280], screenshots: dir }
//
// The preview serves every page with the CDN's security headers, so the theme is shown to work under its policy.
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

function look() {
  const header = document.querySelector('.site-header');
  const logo = document.querySelector('.site-logo');
  const style = getComputedStyle(header);
  return {
    stylesheets: [...document.styleSheets].map(s => s.href && new URL(s.href).pathname),
    accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    headerBorder: `${style.borderBottomWidth} ${style.borderBottomStyle} ${style.borderBottomColor}`,
    favicon: document.querySelector('link[rel=icon]')?.getAttribute('href') ?? null,
    logo: logo && { alt: logo.alt, loaded: logo.complete && logo.naturalWidth > 0, natural: [logo.naturalWidth, logo.naturalHeight],
      shown: [Math.round(logo.getBoundingClientRect().width), Math.round(logo.getBoundingClientRect().height)],
      beforeTitle: logo.nextElementSibling?.className === 'site-title-text' },
    overflow: document.documentElement.scrollWidth > window.innerWidth,
  };
}

const report = { pages: [] };
for (const width of config.widths) {
  for (const where of config.paths) {
    const page = await browser.newPage();
    const seen = { path: where, width, console: [], failedRequests: [] };
    page.on('console', m => seen.console.push(`${m.type()}: ${m.text()}`));
    page.on('requestfailed', r => seen.failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
    await page.setViewport({ width, height: 900 });
    const response = await page.goto(new URL(where, base).href, { waitUntil: 'load', timeout: 15000 });
    seen.status = response ? response.status() : 0;
    seen.csp = response ? response.headers()['content-security-policy'] ?? null : null;
    Object.assign(seen, await page.evaluate(look));
    await page.evaluate(axeSource);
    seen.axe = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
      .violations.map(v => `${v.id}: ${v.help} (${v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', ')})`));
    if (where === config.paths[0]) {
      seen.screenshot = path.join(config.screenshots, `theme-${width}.png`);
      await page.screenshot({ path: seen.screenshot });
    }
    report.pages.push(seen);
    await page.close();
  }
}
await browser.close();
console.log(JSON.stringify(report));
