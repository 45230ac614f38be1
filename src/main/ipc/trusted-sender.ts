/**
 * Decides whether an IPC message comes from our own page. Plain functions,
 * so they are tested without Electron.
 */

export interface TrustedOrigin {
  /** The built renderer's page on our own scheme, app://breakwatch/index.html (production). */
  readonly rendererUrl: string | null;
  /** The electron-vite dev server URL (development only). */
  readonly devServerUrl: string | null;
}

/** The frame that sent an IPC message, as far as the check needs it. */
export interface SenderFrameLike {
  readonly url: string;
  /** Non-null for iframes: only our top frame may talk to main. */
  readonly parent: unknown;
}

export function isTrustedFrameUrl(rawUrl: string, trusted: TrustedOrigin): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (trusted.rendererUrl) {
    // The exact page, not merely the origin: no other file we serve may talk to main.
    const expected = new URL(trusted.rendererUrl);
    if (url.protocol === expected.protocol)
      return url.host === expected.host && url.pathname === expected.pathname;
  }
  if (trusted.devServerUrl && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return url.origin === new URL(trusted.devServerUrl).origin;
  }
  return false;
}

export function isTrustedSender(frame: SenderFrameLike | null | undefined, trusted: TrustedOrigin): boolean {
  if (!frame || frame.parent) return false;
  return isTrustedFrameUrl(frame.url, trusted);
}

/** Only plain http(s) links leave the app, and only to the system browser. */
export function isSafeExternalUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}
