import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isTrustedFrameUrl } from '../../src/main/ipc/trusted-sender';

describe('isTrustedFrameUrl', () => {
  const prod = { rendererUrl: 'app://breakwatch/index.html', devServerUrl: null };
  const dev = { rendererUrl: null, devServerUrl: 'http://localhost:5173/' };

  it('accepts only our built page on our own scheme in production', () => {
    expect(isTrustedFrameUrl('app://breakwatch/index.html', prod)).toBe(true);
    expect(isTrustedFrameUrl('app://breakwatch/index.html#x', prod)).toBe(true);
    expect(isTrustedFrameUrl('app://breakwatch/index.html?lang=es', prod)).toBe(true);
    expect(isTrustedFrameUrl('app://breakwatch/other.html', prod)).toBe(false);
    expect(isTrustedFrameUrl('app://breakwatch/assets/index.js', prod)).toBe(false);
    expect(isTrustedFrameUrl('app://evil/index.html', prod)).toBe(false);
    expect(isTrustedFrameUrl('app://breakwatch.evil/index.html', prod)).toBe(false);
    expect(isTrustedFrameUrl('app://user@breakwatch:8080/index.html', prod)).toBe(false);
    // The old file:// page is no longer ours: the app never loads it.
    expect(isTrustedFrameUrl('file:///app/out/renderer/index.html', prod)).toBe(false);
    expect(isTrustedFrameUrl('http://localhost:5173/', prod)).toBe(false);
    expect(isTrustedFrameUrl('not a url', prod)).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    expect(isTrustedFrameUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedFrameUrl('app://breakwatch/index.html', dev)).toBe(false);
    expect(isTrustedFrameUrl('file:///app/out/renderer/index.html', dev)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://aws.amazon.com/lambda/', true],
    ['http://example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://host/share', false],
    ['https://user:pass@example.com', false],
    ['', false],
  ])('%s → %s', (url, safe) => expect(isSafeExternalUrl(url)).toBe(safe));
});
