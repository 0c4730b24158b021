// Renders media/icon.svg to media/icon.png (128×128) with Debian's Chromium through playwright-core.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const svg = readFileSync('media/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: 'media/icon.png', omitBackground: true });
  console.log('media/icon.png written');
} finally {
  await browser.close();
}
