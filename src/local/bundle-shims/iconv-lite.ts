import { decodeCp1252 } from '../../app/listings/document-decoding';

/**
 * Bundles only (webpack-config.cjs aliases `iconv-lite` here): amazon-sp-api requires iconv-lite for
 * `download()`/`downloadStream()` error bodies, which this app never calls (report and feed documents go through
 * src/app/listings/documents.ts). The real package is ~200 kB of every action bundle. `decode` keeps iconv-lite's
 * results for UTF-8 and cp1252; other charsets go to Node's TextDecoder, which throws on an unknown name as iconv does.
 */
export const decode = (bytes: Buffer, charset: string): string => {
  const name = charset.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name === 'cp1252' || name === 'windows1252') return decodeCp1252(bytes);
  return new TextDecoder(name === 'utf8' ? 'utf-8' : charset).decode(bytes);
};

export default { decode };
