// Opens HTML reports in headless Chromium (playwright-core, Debian's chromium):
// at 800 and 375 px wide nothing is wider than the page and every section is
// there; nothing is fetched; printed to PDF (page.pdf, the page's own @page
// size) it makes pages. Screenshots and the printed PDFs go to OUT_DIR.
// usage: node browser.mjs PLAYWRIGHT_CORE_DIR OUT_DIR NAME=FILE:SECTION,SECTION... ...
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [pwDir, outDir, ...pages] = process.argv.slice(2);
const require = createRequire(path.join(pwDir, 'package.json'));
const { chromium } = require('playwright-core');

const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  for (const spec of pages) {
    const [name, rest] = spec.split('=');
    const [file, sectionList] = rest.split(':');
    const sections = sectionList.split(',');
    for (const width of [800, 375]) {
      const context = await browser.newContext({ viewport: { width, height: 1000 } });
      const page = await context.newPage();
      const fetched = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        fetched.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
      const r = await page.evaluate((ids) => {
        const wide = [];
        for (const e of document.querySelectorAll('body *')) {
          const b = e.getBoundingClientRect();
          if (b.right > window.innerWidth + 0.5 && getComputedStyle(e).position !== 'fixed') {
            // Inside a scrolling box (a wide table) is fine: the page does not widen.
            let p = e.parentElement, scrolls = false;
            while (p) { if (getComputedStyle(p).overflowX === 'auto') { scrolls = true; break; } p = p.parentElement; }
            if (!scrolls) wide.push(`${e.tagName.toLowerCase()}.${e.className} right=${Math.round(b.right)}`);
          }
        }
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          missing: ids.filter((id) => !document.getElementById(id)),
          hidden: ids.filter((id) => { const e = document.getElementById(id); return e && e.getBoundingClientRect().height === 0; }),
          wide: wide.slice(0, 5),
          lang: document.documentElement.lang,
        };
      }, sections);
      const where = `${name} at ${width} px`;
      if (r.scrollWidth > r.innerWidth) problems.push(`${where}: the page is ${r.scrollWidth} px wide, the window ${r.innerWidth} px (${r.wide.join('; ')})`);
      if (r.missing.length) problems.push(`${where}: sections missing: ${r.missing.join(', ')}`);
      if (r.hidden.length) problems.push(`${where}: sections not shown: ${r.hidden.join(', ')}`);
      if (fetched.length) problems.push(`${where}: tried to fetch ${fetched.join(', ')}`);
      await page.screenshot({ path: path.join(outDir, `${name}-${width}.png`), fullPage: true });
      await page.screenshot({ path: path.join(outDir, `${name}-${width}-top.png`) });
      for (const id of sections) {
        const section = page.locator(`#${id}`);
        const box = (await section.count()) ? await section.boundingBox() : null;
        if (box) {
          // The section's first 1400 px: enough to look at, small enough to open.
          const clip = { x: 0, y: Math.max(0, box.y - 8), width, height: Math.min(box.height + 16, 1400) };
          await page.screenshot({ path: path.join(outDir, `${name}-${width}-${id}.png`), clip, fullPage: true });
        }
      }
      if (width === 800) {
        await page.emulateMedia({ media: 'print' });
        const pdf = path.join(outDir, `${name}-chromium.pdf`);
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        console.log(`printed ${pdf}`);
      }
      console.log(`ok ${where}: ${r.scrollWidth} <= ${r.innerWidth} px, ${sections.length} sections`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
for (const p of problems) console.log(`FAIL: ${p}`);
process.exit(problems.length ? 1 : 0);
