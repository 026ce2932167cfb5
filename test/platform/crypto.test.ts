import { generateEncryptionKey, SecretBox } from '../../src/platform/crypto';

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(generateEncryptionKey());

  it('round-trips a refresh token and never stores it in clear', () => {
    const sealed = box.encrypt('Atzr|IwEBIA-secret-refresh', 'store-1');
    expect(sealed).not.toContain('Atzr');
    expect(box.decrypt(sealed, 'store-1')).toBe('Atzr|IwEBIA-secret-refresh');
  });

  it('uses a fresh nonce per record, so equal secrets encrypt differently', () => {
    expect(box.encrypt('same', 'x')).not.toBe(box.encrypt('same', 'x'));
  });

  it('refuses a ciphertext moved onto another record', () => {
    const sealed = box.encrypt('secret', 'store-1');
    expect(() => box.decrypt(sealed, 'store-2')).toThrow(/could not be decrypted/);
  });

  it('refuses tampered data and a wrong key', () => {
    const sealed = box.encrypt('secret', 'store-1');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[2], 'base64url');
    flipped[0] ^= 1;
    parts[2] = flipped.toString('base64url');
    expect(() => box.decrypt(parts.join('.'), 'store-1')).toThrow(/could not be decrypted/);
    expect(() => new SecretBox(generateEncryptionKey()).decrypt(sealed, 'store-1')).toThrow(/could not be decrypted/);
  });

  it('rejects a key that is not 32 bytes with a message saying how to make one', () => {
    expect(() => new SecretBox(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes.*openssl rand/);
    expect(() => new SecretBox('$ASC_ENCRYPTION_KEY')).toThrow(/32 bytes/);
  });
});
