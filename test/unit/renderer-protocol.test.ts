/**
 * The desktop page's app:// protocol and the renderer file handler behind
 * it (also behind the browser host): what it serves, with which headers,
 * and that no path reaches outside the renderer folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  appSchemeHandler,
  registerAppScheme,
  serveAppScheme,
} from '../../src/main/protocol/app-scheme';
import { contentSecurityPolicy, resolveRendererFile } from '../../src/main/protocol/renderer-files';

let root: string;
const SECRET = 'outside-the-renderer';

beforeAll(() => {
  const parent = mkdtempSync(join(tmpdir(), 'bw-protocol-'));
  root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Breakwatch</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const ok = 1;');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'notes.txt'), 'not a renderer file type');
  // Files next to the renderer folder, which no URL may reach.
  writeFileSync(join(parent, 'secret.json'), JSON.stringify({ SECRET }));
  writeFileSync(join(parent, 'renderer-evil.js'), SECRET);
});

const get = (url: string, method = 'GET') => appSchemeHandler(root)(new Request(url, { method }));

describe('app:// scheme registration', () => {
  it('registers one standard, secure scheme that cannot bypass the CSP or be read cross-origin', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [[schemes]] = registerSchemesAsPrivileged.mock.calls as [
      [{ scheme: string; privileges: object }[]],
    ];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true });
    for (const risky of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'stream'])
      expect(schemes[0]!.privileges).not.toHaveProperty(risky);
  });

  it('serves the page it registers under the URL the window loads', async () => {
    const handle = vi.fn();
    serveAppScheme({ handle }, root);
    expect(handle).toHaveBeenCalledWith(APP_SCHEME, expect.any(Function));
    const handler = handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request(APP_INDEX_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Breakwatch</title>');
  });
});

describe('app:// responses', () => {
  it('serves index.html with the strict CSP as a header', async () => {
    for (const url of [
      'app://breakwatch/',
      'app://breakwatch/index.html',
      'app://breakwatch/index.html?x#y',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    }
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe|\*/);
  });

  it('serves module scripts and styles with the types Chromium requires', async () => {
    const script = await get('app://breakwatch/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toBe('export const ok = 1;');
    expect((await get('app://breakwatch/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS'])
      expect((await get(APP_INDEX_URL, method)).status, method).toBe(405);
  });

  it('answers only for our host', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://breakwatch.evil/index.html')).status).toBe(404);
    expect((await get('app://breakwatch:81/index.html')).status).toBe(404);
  });

  it.each([
    'app://breakwatch/../secret.json',
    'app://breakwatch/..%2fsecret.json',
    'app://breakwatch/%2e%2e%2fsecret.json',
    'app://breakwatch/assets/..%2f..%2fsecret.json',
    'app://breakwatch/..%5csecret.json',
    'app://breakwatch/%2e%2e%5c..%5csecret.json',
    'app://breakwatch/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd.json',
    'app://breakwatch//etc/hostname.json',
    'app://breakwatch/%2fetc%2fhostname.json',
    'app://breakwatch/..%2frenderer-evil.js',
    'app://breakwatch/index.html%00.js',
    'app://breakwatch/%E0%A4%A.js',
    'app://breakwatch/notes.txt',
    'app://breakwatch/assets',
    'app://breakwatch/missing.js',
  ])('%s → 404, nothing from outside', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
  });
});

describe('resolveRendererFile', () => {
  const piece = fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E%2e',
    '.%2e',
    '%2f',
    '%5c',
    '\\',
    '/',
    '',
    'assets',
    'a',
    '%00',
    '%',
    'C:',
    'c%3a',
    '~',
    'con',
  );
  const name = fc.constantFrom('x.js', 'secret.json', 'index.html', '..%2fx.js', '..%5cx.js');

  it.each([
    ['POSIX', posix, '/opt/breakwatch/out/renderer'],
    ['Windows', win32, 'C:\\Program Files\\Breakwatch\\resources\\app.asar\\out\\renderer'],
  ])(
    'never names a file outside the renderer folder under %s rules, for any mix of dots, slashes and encodings',
    (_name, paths, base) => {
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 12 }), name, (pieces, file) => {
          const resolved = resolveRendererFile(base, `/${pieces.join('/')}/${file}`, paths);
          if (resolved === null) return;
          expect(resolved.startsWith(base + paths.sep), resolved).toBe(true);
          const inside = paths.relative(base, resolved);
          expect(inside.startsWith('..') || paths.isAbsolute(inside)).toBe(false);
        }),
        { numRuns: 2_000, seed: 5 },
      );
    },
  );

  it.each([
    '/..%5c..%5cWindows%5cwin.ini.json',
    '/%5c%5cserver%5cshare%5cx.js',
    '/C:%5cWindows%5cx.js',
    '/c:/Windows/x.js',
    '/..%2f..%2fx.js',
  ])('keeps %s inside the folder under Windows rules', (pathname) => {
    const base = 'C:\\app\\out\\renderer';
    const resolved = resolveRendererFile(base, pathname, win32);
    if (resolved !== null) expect(resolved.startsWith(base + win32.sep), resolved).toBe(true);
  });

  it('resolves ordinary paths inside the folder', () => {
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererFile(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, '/a%20b.js')).toBe(join(root, 'a b.js'));
    expect(resolveRendererFile('C:\\app', '/assets/x.js', win32)).toBe('C:\\app\\assets\\x.js');
  });
});
