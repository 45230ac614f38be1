/**
 * JSON parsing for files a user can hand us: bounded in size and refusing
 * keys that could pollute prototypes, with a message that says which.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class UnsafeJsonError extends Error {
  override readonly name = 'UnsafeJsonError';
  readonly code = 'INVALID_JSON';
}

export function parseUntrustedJson(text: string, maxChars: number): unknown {
  if (text.length > maxChars) {
    throw new UnsafeJsonError(`File is too large (${text.length} characters; at most ${maxChars})`);
  }
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new UnsafeJsonError(`Forbidden key "${key}"`);
      return value;
    });
  } catch (error) {
    if (error instanceof UnsafeJsonError) throw error;
    throw new UnsafeJsonError(`Not valid JSON: ${(error as Error).message}`);
  }
}
