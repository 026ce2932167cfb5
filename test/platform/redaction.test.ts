import { captureLogs, createLogger } from '../../src/platform/logger';
import { REDACTION_MASK, redact, redactString, registerSecretInputs } from '../../src/platform/redaction';

describe('redaction', () => {
  it('masks secret-looking keys at any depth', () => {
    const out = redact({ a: { clientSecret: 's3cr3t-value', refresh_token: 'x'.repeat(10), name: 'shop' } }) as {
      a: Record<string, string>;
    };
    expect(out.a.clientSecret).toBe(REDACTION_MASK);
    expect(out.a.refresh_token).toBe(REDACTION_MASK);
    expect(out.a.name).toBe('shop');
  });

  it('masks LWA tokens, bearer headers and JWTs inside free text', () => {
    const text = redactString(
      'refresh Atzr|IwEBIJk-abc and access Atza|IwEBIabc, header Bearer abc.def.ghi, jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.sig',
    );
    expect(text).not.toMatch(/Atzr\||Atza\||abc\.def|eyJ/);
  });

  it('masks registered input values wherever they appear, even in an upstream error message', () => {
    registerSecretInputs({ AMAZON_LWA_CLIENT_SECRET: 'amzn1.oa2-cs.v1.very-secret-value', LOG_LEVEL: 'info' });
    expect(redactString('LWA said: bad secret amzn1.oa2-cs.v1.very-secret-value')).toBe(
      `LWA said: bad secret ${REDACTION_MASK}`,
    );
    expect(redactString('level info')).toBe('level info');
  });

  it('keeps secrets out of captured log lines', () => {
    const lines: string[] = [];
    captureLogs((_level, line) => lines.push(line));
    try {
      const logger = createLogger('test', 'debug');
      logger.info('calling with Atzr|IwEB-secret-token', { headers: { authorization: 'Bearer eyJ.a.b' }, sku: 'A-1' });
      logger.error('failed', new Error('token Atza|secret leaked'));
    } finally {
      captureLogs(undefined);
    }
    const all = lines.join('\n');
    expect(all).toContain('A-1');
    expect(all).not.toMatch(/Atzr\||Atza\||eyJ\.a\.b/);
  });
});
