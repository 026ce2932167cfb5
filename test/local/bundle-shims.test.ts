/**
 * The stand-ins webpack-config.cjs bundles instead of some dependencies of the aio libraries and amazon-sp-api
 * (src/local/bundle-shims): each must give what the real package gives for the calls the bundle makes.
 */
import { generateKeyPairSync } from 'node:crypto';
import iconv from 'iconv-lite';
import * as iconvShim from '../../src/local/bundle-shims/iconv-lite';
import whatwgShim from '../../src/local/bundle-shims/whatwg-url';

type Logger = Record<'error' | 'warn' | 'info' | 'verbose' | 'debug' | 'silly', (...args: unknown[]) => void>;
type LoggerClass = new (config: Record<string, unknown>) => Logger;

const RealWinstonLogger = jest.requireActual<LoggerClass>('@adobe/aio-lib-core-logging/src/WinstonLogger.js');
const ShimWinstonLogger = jest.requireActual<LoggerClass>('../../src/local/bundle-shims/winston-logger.cjs');
type Jwt = { sign(payload: object, key: unknown, options: { algorithm: string }): string };
const realJwt = jest.requireActual<Jwt>('jsonwebtoken');
const jwtShim = jest.requireActual<Jwt>('../../src/local/bundle-shims/jsonwebtoken.cjs');
const realMimeDb = jest.requireActual<Record<string, unknown>>('mime-db');
const mimeDbShim = jest.requireActual<Record<string, unknown>>('../../src/local/bundle-shims/mime-db.cjs');

const stdoutOf = async (write: () => void): Promise<string> => {
  const lines: string[] = [];
  // Winston's Console transport writes to console._stdout when the console has one (jest's console gives it its own
  // stream in a worker), else console.log: capture both.
  const consoleStream = (console as unknown as { _stdout?: NodeJS.WriteStream })._stdout ?? process.stdout;
  const stdout = jest.spyOn(consoleStream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(`${args.join(' ')}\n`);
  });
  try {
    write();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    stdout.mockRestore();
    log.mockRestore();
  }
  // The timestamps differ between the two runs; everything else must not.
  return lines.join('').replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /gm, '<time> ');
};

const afterThis: Array<() => void> = [];
afterEach(() => {
  for (const undo of afterThis.splice(0)) undo();
});

describe('bundle stand-ins', () => {
  test('the winston logger writes the same lines as aio-lib-core-logging with winston, per level', async () => {
    for (const level of ['error', 'info', 'debug']) {
      const logWith = (Logger: LoggerClass) => () => {
        const logger = new Logger({ level, label: 'asc/orders', silent: false });
        logger.info('imported %s orders for %s', 3, { store: 'demo-us' });
        logger.warn('50%% done, literal %s', 'x', 'extra');
        logger.error('boom');
        logger.debug('debug detail %d', 7);
        logger.verbose('verbose detail');
        logger.silly({ nested: [1, 2] });
      };
      const real = await stdoutOf(logWith(RealWinstonLogger));
      expect(await stdoutOf(logWith(ShimWinstonLogger))).toBe(real);
      expect(real).toContain('<time> [asc/orders] error: boom\n');
    }
    expect(await stdoutOf(() => new ShimWinstonLogger({ level: 'info', label: 'x', silent: true }).error('no'))).toBe(
      '',
    );
  });

  test('the JWT aio-lib-ims-jwt exchanges is signed byte for byte as jsonwebtoken signs it', () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const payload = () => ({ exp: 1_900_000_000, iss: 'ORG@AdobeOrg', sub: 'tech@techacct.adobe.com', aud: 'a/b' });
    const key = { key: privateKey, passphrase: 'pw' };
    // Both add `iat` (now, in seconds): one clock for both, so a second boundary between the two cannot differ.
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_795_769_346_500);
    afterThis.push(() => now.mockRestore());
    expect(jwtShim.sign(payload(), key, { algorithm: 'RS256' })).toBe(
      realJwt.sign(payload(), key, { algorithm: 'RS256' }),
    );
    expect(() => jwtShim.sign(payload(), { key: privateKey, passphrase: 'wrong' }, { algorithm: 'RS256' })).toThrow();
  });

  test('the MIME types kept are mime-db entries, unchanged', () => {
    expect(Object.keys(mimeDbShim).length).toBeGreaterThan(10);
    for (const [type, entry] of Object.entries(mimeDbShim)) expect(entry).toEqual(realMimeDb[type]);
  });

  test('iconv-lite decode gives what iconv-lite gives for UTF-8 and cp1252, and refuses an unknown charset', () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9, 0x80, 0x20, 0x9f, 0xff]);
    for (const charset of ['utf8', 'UTF-8', 'cp1252', 'windows-1252'])
      expect(iconvShim.decode(bytes, charset)).toBe(iconv.decode(bytes, charset));
    expect(() => iconvShim.decode(bytes, 'no-such-charset')).toThrow();
  });

  test("whatwg-url is Node's own URL", () => {
    expect(whatwgShim.URL).toBe(URL);
    expect(new whatwgShim.URL('https://sellingpartnerapi-na.amazon.com/a?b=1').searchParams.get('b')).toBe('1');
  });
});
