/**
 * The desktop page's own origin, `app://breakwatch`, instead of `file://`:
 * a standard, secure scheme gives the page a real origin (so `'self'` in the
 * CSP and same-origin module scripts mean exactly our files), lets the CSP
 * arrive as a response header, and lets the packaged app turn off the
 * `grantFileProtocolExtraPrivileges` fuse. Electron's protocol module is
 * passed in, so this file runs and is tested in plain Node.
 */
import {
  contentSecurityPolicy,
  createRendererHandler,
  securityHeaders,
  type RendererHandler,
} from './renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'breakwatch';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * What the scheme may do. Deliberately absent: `bypassCSP` (the policy must
 * hold), `corsEnabled` (no other origin may read our files) and
 * `allowServiceWorkers`.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

/** The parts of Electron's `protocol` module this file uses. */
export interface SchemeRegistrar {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }[]): void;
}
export interface ProtocolHandlerHost {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** Must run before the app's `ready` event (Electron's rule for privileges). */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** The handler for `app://` requests: only our host, only the renderer folder. */
export function appSchemeHandler(rendererRoot: string): RendererHandler {
  const csp = contentSecurityPolicy();
  const serve = createRendererHandler({ root: rendererRoot, csp });
  return async (request) => {
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST)
      return new Response('Not found', {
        status: 404,
        headers: securityHeaders(csp, 'text/plain; charset=utf-8'),
      });
    return serve(request);
  };
}

/** After `ready`: answers `app://breakwatch/…` from the built renderer. */
export function serveAppScheme(protocol: ProtocolHandlerHost, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, appSchemeHandler(rendererRoot));
}
