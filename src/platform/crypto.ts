import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (LWA refresh tokens, client secrets).
 * The key comes from the action input ASC_ENCRYPTION_KEY (32 bytes, base64); each record gets a random
 * 96-bit nonce. The optional context (e.g. the store id) is bound as additional authenticated data, so a
 * ciphertext copied onto another record fails to decrypt instead of silently working.
 */
const VERSION = 'v1';
const NONCE_BYTES = 12;

export class SecretBox {
  private readonly key: Buffer;

  constructor(base64Key: string) {
    const key = Buffer.from(base64Key ?? '', 'base64');
    if (key.length !== 32) {
      throw new Error(
        'ASC_ENCRYPTION_KEY must be 32 bytes encoded as base64 (generate one with `openssl rand -base64 32`)',
      );
    }
    this.key = key;
  }

  encrypt(plaintext: string, context = ''): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, nonce.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
  }

  decrypt(sealed: string, context = ''): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('not an encrypted secret of a known version');
    const [, nonce, body, tag] = parts;
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('secret could not be decrypted: wrong key, wrong record, or tampered data');
    }
  }
}

export const generateEncryptionKey = (): string => randomBytes(32).toString('base64');
