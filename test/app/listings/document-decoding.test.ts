import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeCp1252, decodeTextStream } from '../../../src/app/listings/document-decoding';

const chunked = (bytes: Uint8Array, cuts: number[]): Buffer[] => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const to of [...points, bytes.length]) {
    chunks.push(Buffer.from(bytes.subarray(from, to)));
    from = to;
  }
  return chunks;
};

const readAll = async (stream: NodeJS.ReadableStream): Promise<{ text: string; allStrings: boolean }> => {
  let text = '';
  let allStrings = true;
  for await (const piece of stream) {
    allStrings &&= typeof piece === 'string';
    text += piece;
  }
  return { text, allStrings };
};

const viaIconv = (chunks: Buffer[], charset: 'utf8' | 'cp1252') =>
  readAll(Readable.from(chunks).pipe(iconv.decodeStream(charset)));
const viaOurs = (chunks: Buffer[], charset: 'utf8' | 'cp1252') =>
  readAll(Readable.from(chunks).pipe(decodeTextStream(charset)));

describe('report document text decoding', () => {
  test('cp1252 bytes 0x80–0x9F are the Windows characters (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ)', () => {
    const bytes = Buffer.from(Array.from({ length: 0x20 }, (_, i) => 0x80 + i));
    expect(decodeCp1252(bytes)).toBe(iconv.decode(bytes, 'cp1252'));
    expect(decodeCp1252(Buffer.from([0x80, 0x20, 0x96, 0x20, 0xe9, 0x9f]))).toBe('€ – éŸ');
  });

  test('every byte decodes as iconv-lite cp1252 decodes it', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(decodeCp1252(all)).toBe(iconv.decode(all, 'cp1252'));
  });

  test.each(['utf8', 'cp1252'] as const)(
    '%s streams decode like iconv-lite for any bytes and chunking',
    async (charset) => {
      const text = fc.string({ unit: 'binary', maxLength: 40 });
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 64 }),
        text.map((t) => new Uint8Array(Buffer.from(`\uFEFF${t}`, 'utf8'))),
        text.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
      );
      await fc.assert(
        fc.asyncProperty(bytes, fc.array(fc.nat(), { maxLength: 6 }), async (input, cuts) => {
          const chunks = chunked(input, cuts);
          const ours = await viaOurs(chunks, charset);
          expect(ours.text).toBe((await viaIconv(chunks, charset)).text);
          expect(ours.allStrings).toBe(true);
        }),
        { numRuns: 300 },
      );
    },
  );

  test('a UTF-8 byte-order mark is dropped once, at the start only', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const chunks = [bom.subarray(0, 1), bom.subarray(1), Buffer.from('sku\t'), bom, Buffer.from('x')];
    await expect(viaOurs(chunks, 'utf8')).resolves.toEqual({ text: 'sku\t\uFEFFx', allStrings: true });
  });
});
