// Every page given, opened from file:// in Debian's Chromium through playwright-core at
// 320, 768 and 1280 px wide: the page never scrolls sideways, no table caption is cut off
// by the table's scrolling box or the window, no date in a table takes more than one line
// at 1280 px, and axe-core reports no violation at any width. With --pdf DIR, each page is
// also printed to DIR/<name>.pdf on A4, as a reader's browser would print it.
//
// Usage: node layout.mjs [--pdf DIR] PAGE.html…
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let args = process.argv.slice(2);
let pdfDir = null;
if (args[0] === '--pdf') {
  pdfDir = args[1];
  args = args.slice(2);
  fs.mkdirSync(pdfDir, { recursive: true });
}
if (args.length === 0) {
  console.error('usage: node layout.mjs [--pdf DIR] PAGE.html…');
  process.exit(2);
}
const WIDTHS = [320, 768, 1280];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
try {
  // One tab for every page and width, in turn: nothing but files is ever fetched.
  const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 900 } });
  await context.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort());
  const page = await context.newPage();
  for (const file of args) {
    const url = pathToFileURL(path.resolve(file)).href;
    const problems = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ media: 'screen' });
      await page.goto(url, { waitUntil: 'load' });
      const found = await page.evaluate((width) => {
        const out = [];
        const page = document.documentElement;
        if (page.scrollWidth > window.innerWidth + 1) {
          out.push(`the page scrolls sideways: ${page.scrollWidth} px wide in a ${window.innerWidth} px window`);
        }
        for (const caption of document.querySelectorAll('caption')) {
          const box = caption.getBoundingClientRect();
          const wrap = caption.closest('.table-wrap');
          const right = Math.min(window.innerWidth, wrap ? wrap.getBoundingClientRect().right : window.innerWidth);
          const left = Math.max(0, wrap ? wrap.getBoundingClientRect().left : 0);
          const text = caption.textContent.trim();
          if (box.width > 0 && (box.right > right + 1 || box.left < left - 1)) {
            out.push(`caption "${text}" is cut off (${Math.round(box.left)}–${Math.round(box.right)} px, visible ${Math.round(left)}–${Math.round(right)} px)`);
          }
        }
        if (width >= 1280) {
          for (const cell of document.querySelectorAll('td.date')) {
            const range = document.createRange();
            range.selectNodeContents(cell);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) {
              out.push(`the date "${cell.textContent.trim()}" takes ${tops.size} lines`);
            }
          }
        }
        return out;
      }, width);
      for (const problem of found) {
        problems.push(`${width} px: ${problem}`);
      }
      await page.evaluate(axeSource);
      const results = await page.evaluate(() =>
        window.axe.run(document, { resultTypes: ['violations'], preload: false }));
      for (const violation of results.violations) {
        const where = violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join('; ');
        problems.push(`${width} px: axe ${violation.id} (${violation.impact}): ${violation.help} at ${where}`);
      }
      if (pdfDir && width === 1280) {
        const name = path.basename(path.dirname(file)) + '-' + path.basename(file, '.html');
        await page.emulateMedia({ media: 'print' });
        await page.pdf({ path: path.join(pdfDir, `${name}.pdf`), format: 'A4', preferCSSPageSize: true });
      }
    }
    if (problems.length > 0) {
      failures += 1;
      console.log(`FAIL ${file}`);
      for (const problem of problems) {
        console.log(`  ${problem}`);
      }
    } else {
      console.log(`ok   ${file}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`${args.length - failures} passed, ${failures} failed`);
process.exit(failures > 0 ? 1 : 0);
