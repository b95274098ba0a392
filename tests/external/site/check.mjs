// Every page of a site written by `aplan site`, opened from file:// in Debian's Chromium
// through playwright-core: axe-core must report no violations, the page must request
// nothing but files, its stylesheet must load under the page's Content-Security-Policy,
// nothing from the plans may have become a script, a handler, a `javascript:` link or a
// control character, and the index and workload pages are kept as screenshots.
//
// Usage: node check.mjs SITE_DIR SCREENSHOT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [siteDir, shotsDir] = process.argv.slice(2);
if (!siteDir || !shotsDir) {
  console.error('usage: node check.mjs SITE_DIR SCREENSHOT_DIR');
  process.exit(2);
}
const pages = fs.readdirSync(siteDir).filter((name) => name.endsWith('.html')).sort();
const screenshots = new Set(['index.html', 'workload.html']);
fs.mkdirSync(shotsDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let failures = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) {
      return route.continue();
    }
    requests.push(url);
    return route.abort();
  });
  for (const name of pages) {
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') {
        problems.push(`console: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`a script opened a dialog: ${dialog.message()}`);
      return dialog.dismiss();
    });
    requests.length = 0;
    await page.goto(pathToFileURL(path.resolve(siteDir, name)).href, { waitUntil: 'load' });

    // The stylesheet loaded: its custom properties are defined.
    const accent = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    );
    if (!accent) {
      problems.push('the stylesheet did not load');
    }
    if (requests.length > 0) {
      problems.push(`requested ${requests.join(', ')}`);
    }

    // Nothing from the plans became code: no script element, no event handler
    // attribute, no link or source that runs script, no control character in the text.
    const code = await page.evaluate(() => {
      const found = [];
      document.querySelectorAll('script').forEach(() => found.push('a <script> element'));
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          const value = attribute.value.trim().toLowerCase();
          if (attribute.name.startsWith('on')) {
            found.push(`an ${attribute.name} attribute on <${element.localName}>`);
          } else if (value.startsWith('javascript:') || value.startsWith('data:text/html')) {
            found.push(`${attribute.name}="${attribute.value}" on <${element.localName}>`);
          }
        }
      }
      if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(document.documentElement.outerHTML)) {
        found.push('a control character');
      }
      return found;
    });
    for (const what of code) {
      problems.push(`plan text became code: ${what}`);
    }

    // axe-core runs through the DevTools protocol, which the page's policy does not block.
    // It reads the stylesheets the page has already loaded: left to preload them itself it
    // would fetch them again, which the policy (rightly) refuses.
    await page.evaluate(axeSource);
    const results = await page.evaluate(() =>
      window.axe.run(document, { resultTypes: ['violations'], preload: false }),
    );
    for (const violation of results.violations) {
      const where = violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join('; ');
      problems.push(`axe ${violation.id} (${violation.impact}): ${violation.help} at ${where}`);
    }

    if (screenshots.has(name)) {
      const file = path.join(shotsDir, name.replace('.html', '.png'));
      await page.screenshot({ path: file, fullPage: true });
      console.log(`screenshot: ${file}`);
    }
    if (problems.length > 0) {
      failures += 1;
      console.log(`FAIL ${name}`);
      for (const problem of problems) {
        console.log(`  ${problem}`);
      }
    } else {
      console.log(`ok   ${name} (${results.passes.length} axe rules passed)`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`${pages.length - failures} passed, ${failures} failed`);
process.exit(failures > 0 ? 1 : 0);
