import { StringDecoder } from 'node:string_decoder';
import { Transform } from 'node:stream';

/**
 * Text decoding of Amazon report documents without iconv-lite (~200 kB of every action bundle, docs/quality.md P5).
 * Amazon sends UTF-8, or windows-1252 (cp1252) for EU reports. Node's `TextDecoder('windows-1252')` is not usable:
 * Node 20 decodes it as ISO-8859-1 (0x80 becomes U+0080 instead of €), so cp1252 is a table here.
 * The output equals iconv-lite's `decodeStream('utf8' | 'cp1252')` for any bytes and any chunking
 * (test/app/listings/document-decoding.test.ts compares them): UTF-8 through Node's StringDecoder (which iconv-lite
 * uses too) with a leading byte-order mark dropped; cp1252 bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D (unassigned) become U+FFFD.
 */

/** cp1252 characters for bytes 0x80–0x9F; the other bytes are the same code points as ISO-8859-1. */
const CP1252_80_9F =
  '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD' +
  '\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';

export const decodeCp1252 = (bytes: Buffer): string =>
  bytes.toString('latin1').replace(/[\u0080-\u009F]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]);

export type DocumentCharset = 'utf8' | 'cp1252';

/** A stream of Buffers in, a stream of decoded strings out. */
export const decodeTextStream = (charset: DocumentCharset): Transform => {
  const utf8 = new StringDecoder('utf8');
  const decode = charset === 'cp1252' ? decodeCp1252 : (bytes: Buffer) => utf8.write(bytes);
  let started = false;
  const emit = (stream: Transform, text: string): void => {
    let out = text;
    if (!started && out.length > 0) {
      started = true;
      if (out.charCodeAt(0) === 0xfeff) out = out.slice(1);
    }
    if (out.length > 0) stream.push(out, 'utf8');
  };
  const stream: Transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      emit(stream, decode(chunk));
      done();
    },
    flush(done) {
      if (charset === 'utf8') emit(stream, utf8.end());
      done();
    },
  });
  // Readers get strings, as from iconv-lite's decode stream.
  stream.setEncoding('utf8');
  return stream;
};
