/**
 * Renders the app and tray icons from SVG with the test browser, so the PNGs
 * in resources/ can be rebuilt: `npx tsx scripts/make-icons.ts`.
 * Tray states differ by shape as well as colour; macOS gets black template
 * images (the menu bar tints them).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium';

const SHAPES: Record<string, (fill: string) => string> = {
  closed: (c) => `<circle cx="8" cy="8" r="6" fill="${c}"/>`,
  open: (c) => `<rect x="2.5" y="2.5" width="11" height="11" rx="1.5" fill="${c}"/>`,
  'half-open': (c) =>
    `<circle cx="8" cy="8" r="5.5" fill="none" stroke="${c}" stroke-width="2"/><path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="${c}"/>`,
  'held-open': (c) =>
    `<rect x="2.5" y="2.5" width="11" height="11" rx="1.5" fill="none" stroke="${c}" stroke-width="2"/><rect x="5.5" y="5" width="1.8" height="6" fill="${c}"/><rect x="8.7" y="5" width="1.8" height="6" fill="${c}"/>`,
};
const COLOURS: Record<string, string> = {
  closed: '#1d7a46',
  open: '#b42318',
  'half-open': '#c27400',
  'held-open': '#6941c6',
};

async function main() {
  const out = join(import.meta.dirname, '..', 'resources');
  mkdirSync(join(out, 'tray'), { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  const render = async (svg: string, size: number, file: string) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg', `<svg width="${size}" height="${size}"`)}</body></html>`,
    );
    await page.screenshot({ path: join(out, file), omitBackground: true });
  };
  for (const [state, shape] of Object.entries(SHAPES)) {
    const coloured = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">${shape(COLOURS[state]!)}</svg>`;
    const template = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">${shape('#000')}</svg>`;
    await render(coloured, 32, `tray/${state}.png`);
    await render(coloured, 64, `tray/${state}@2x.png`);
    await render(template, 16, `tray/${state}Template.png`);
    await render(template, 32, `tray/${state}Template@2x.png`);
  }
  const appIcon = readFileSync(join(out, 'icon.svg'), 'utf8');
  await render(appIcon, 512, 'icon.png');
  await render(appIcon, 256, 'icon-256.png');
  await browser.close();
}

void main();
