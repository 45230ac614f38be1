/**
 * Checks the output of `electron-vite build` (run before this project) and
 * the source rule that only the thin adapters import Electron.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appSchemeHandler } from '../../src/main/protocol/app-scheme';
import { contentSecurityPolicy } from '../../src/main/protocol/renderer-files';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'out');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

describe('electron-vite build output', () => {
  it('has main, preload and renderer', () => {
    for (const file of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  });

  it('bundles the preload into one CommonJS file that requires only electron', () => {
    expect(readdirSync(join(out, 'preload'))).toEqual(['index.cjs']);
    const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).not.toMatch(/\bimport\(/);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('ships the renderer with a strict Content-Security-Policy', () => {
    const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
  });
});

describe('the built page over app://', () => {
  const handler = appSchemeHandler(join(out, 'renderer'));
  /** Same-folder references in HTML attributes and in ES module imports. */
  const references = (text: string) =>
    [
      ...text.matchAll(/\b(?:src|href)="(\.\/[^"]+)"/g),
      ...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g),
    ].map((m) => m[1]!);

  it('serves every file the page loads, with the CSP header and a type Chromium accepts', async () => {
    const seen = new Set<string>();
    const queue = [APP_INDEX_URL];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy());
      const type = response.headers.get('content-type') ?? '';
      if (url.endsWith('.js')) expect(type, url).toMatch(/^text\/javascript/);
      const body = await response.text();
      if (/^text\/(html|javascript)/.test(type))
        for (const ref of references(body)) queue.push(new URL(ref, url).href);
    }
    const files = [...seen].map((url) => new URL(url).pathname);
    // index.html, its favicon, style and entry script, and the lazily loaded history chunk.
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThanOrEqual(2);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    expect(files.every((f) => f.startsWith('/'))).toBe(true);
  });

  it('main loads that page, never a file:// URL', () => {
    const main = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).toContain('enableSandbox');
    expect(main).not.toMatch(/\.loadFile\(|file:\/\//);
  });
});

describe('source boundaries', () => {
  const sources = filesUnder(join(root, 'src')).filter((file) => /\.(ts|tsx)$/.test(file));
  const importsElectron = (file: string) =>
    /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/.test(readFileSync(file, 'utf8'));

  it('only the thin adapters import electron', () => {
    const importing = sources
      .filter(importsElectron)
      .map((file) => relative(root, file))
      .sort();
    expect(importing).toEqual(['src/main/index.ts', 'src/main/ipc/electron-ipc.ts', 'src/preload/index.ts']);
  });

  it('the renderer never imports main-process or host code', () => {
    const renderer = sources.filter((file) => file.includes(join('src', 'renderer')));
    for (const file of renderer) {
      expect(readFileSync(file, 'utf8'), relative(root, file)).not.toMatch(
        /from\s+['"][^'"]*\/(main|host)\//,
      );
    }
  });
});
