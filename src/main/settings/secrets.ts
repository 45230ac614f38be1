/**
 * How secret header values are kept at rest. The desktop app passes a codec
 * over Electron's safeStorage (the OS keychain); elsewhere values are stored
 * plainly and the UI says so.
 */

export interface SecretCodec {
  /** True when values are encrypted at rest. */
  readonly encrypted: boolean;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

const ENCRYPTED_PREFIX = 'enc:v1:';

/** Stores secrets as they are (no keychain available). */
export const plainCodec: SecretCodec = {
  encrypted: false,
  encrypt: (plain) => plain,
  decrypt: (stored) => stored,
};

/** Wraps byte-level encrypt/decrypt (e.g. safeStorage) into a string codec. */
export function bufferCodec(crypto: {
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}): SecretCodec {
  return {
    encrypted: true,
    encrypt: (plain) => ENCRYPTED_PREFIX + crypto.encryptString(plain).toString('base64'),
    decrypt: (stored) =>
      stored.startsWith(ENCRYPTED_PREFIX)
        ? crypto.decryptString(Buffer.from(stored.slice(ENCRYPTED_PREFIX.length), 'base64'))
        : stored,
  };
}
