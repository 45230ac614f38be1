/**
 * Serves the built renderer as web-standard Request → Response, so one
 * handler backs both the desktop app's `app://` protocol and the browser
 * host's HTTP server (where the e2e tests load it in Chromium). Every
 * response carries the CSP as a header; nothing outside the renderer folder
 * can be reached, whatever the path says.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const RENDERER_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const TEXT = 'text/plain; charset=utf-8';

/**
 * The page's policy. The desktop page talks to main only through the
 * preload, so it connects nowhere; the browser host adds its WebSocket.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSources.length > 0 ? connectSources.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function securityHeaders(csp: string, contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

/** A file served from memory instead of the folder (the host's patched index.html). */
export interface InlineFile {
  readonly type: string;
  readonly body: string;
}

export interface RendererFilesOptions {
  /** Folder of the built renderer (with index.html). */
  readonly root: string;
  readonly csp: string;
  /** Pathname ("/index.html") → content served instead of (or besides) the folder. */
  readonly inline?: Readonly<Record<string, InlineFile>>;
}

export type RendererHandler = (request: Request) => Promise<Response>;

/**
 * The file a URL pathname names inside `root`, or null when it is outside
 * (`..`, encoded slashes or backslashes, absolute, drive or UNC paths),
 * malformed or not a type the renderer uses. `paths` is swappable so the
 * tests check Windows rules on any machine.
 */
export function resolveRendererFile(
  root: string,
  pathname: string,
  paths: path.PlatformPath = path,
): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || !RENDERER_CONTENT_TYPES[paths.extname(decoded).toLowerCase()]) return null;
  const base = paths.resolve(root);
  const file = paths.resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  const inside = paths.relative(base, file);
  if (inside === '' || inside.startsWith('..') || paths.isAbsolute(inside)) return null;
  return file;
}

export function createRendererHandler(options: RendererFilesOptions): RendererHandler {
  const reply = (request: Request, status: number, type: string, body: string | Uint8Array) =>
    new Response(request.method === 'HEAD' ? null : body, {
      status,
      headers: securityHeaders(options.csp, type),
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return reply(request, 405, TEXT, 'Method not allowed');
    const pathname = new URL(request.url).pathname;
    const wanted = pathname === '/' ? '/index.html' : pathname;
    const inline = options.inline && Object.hasOwn(options.inline, wanted) ? options.inline[wanted] : null;
    if (inline) return reply(request, 200, inline.type, inline.body);
    const file = resolveRendererFile(options.root, wanted);
    if (!file) return reply(request, 404, TEXT, 'Not found');
    try {
      const type = RENDERER_CONTENT_TYPES[path.extname(file).toLowerCase()]!;
      return reply(request, 200, type, await readFile(file));
    } catch {
      return reply(request, 404, TEXT, 'Not found');
    }
  };
}
