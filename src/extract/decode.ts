// Bytes → text. Old Japanese clinic sites still serve Shift_JIS, EUC-JP and
// ISO-2022-JP, often with a wrong or missing declaration, so the charset is
// taken from the strongest signal that decodes cleanly.
import Encoding from 'encoding-japanese';
import iconv from 'iconv-lite';
import { charsetFromContentType, charsetFromMeta } from './charset-names.ts';

export type CharsetSource = 'bom' | 'header' | 'meta' | 'detected' | 'default';
export interface DecodedBody {
  text: string;
  /** Canonical name of the charset used (`shift_jis` is decoded as cp932). */
  charset: string;
  source: CharsetSource;
}

/** The bytes are not text at all (an image, an archive, a PDF, NUL bytes). */
export class UndecodableError extends Error {
  override name = 'UndecodableError';
}

const MAGIC: readonly { what: string; bytes: readonly number[]; at?: number }[] = [
  { what: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { what: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { what: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { what: 'RIFF (WebP/AVI/WAV) file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { what: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { what: 'ZIP archive (or Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { what: 'gzip data', bytes: [0x1f, 0x8b] },
  { what: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { what: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { what: 'MP4/QuickTime video', bytes: [0x66, 0x74, 0x79, 0x70], at: 4 },
];

/** Text never holds NUL bytes (outside UTF-16/32); look only at the start, like `file` does. */
const NUL_SCAN_BYTES = 8192;
/** How far into the page a `<meta charset>` is looked for. */
const META_SCAN_BYTES = 4096;

// Full-width only: Latin-1 bytes 0xA1-0xDF are valid Shift_JIS half-width katakana (© → ｩ).
const KANA = /[\u3041-\u3096\u30a1-\u30fa]/;
const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|ibm\d+|cp\d+)$/;
const UTF16 = /^utf-16(le|be)$/;

export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  rejectMagic(bytes);

  const bom = bomOf(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.charset), charset: bom.charset, source: 'bom' };

  const header = charsetFromContentType(contentType);
  if (header && UTF16.test(header)) return { text: decodeAs(bytes, header), charset: header, source: 'header' };

  rejectNul(bytes);

  const meta = charsetFromMeta(bytes.subarray(0, META_SCAN_BYTES));
  // Lazily computed: detection walks the whole body and is only needed as a fallback.
  let detected: string | null | undefined;
  const detect = (): string | null => (detected === undefined ? (detected = detectCharset(bytes)) : detected);

  const declared: { charset: string; source: CharsetSource } | null = header
    ? { charset: header, source: 'header' }
    : meta
      ? { charset: meta, source: 'meta' }
      : null;

  if (!declared) {
    const charset = detect();
    if (charset) return { text: decodeAs(bytes, charset), charset, source: 'detected' };
    return { text: decodeAs(bytes, 'utf-8'), charset: 'utf-8', source: 'default' };
  }

  const text = decodeAs(bytes, declared.charset);
  if (!looksMisdeclared(text, declared.charset)) return { text, ...declared };

  // Crawlee #2317: servers send a default charset (ISO-8859-1, UTF-8) for a
  // Shift_JIS page. Take a weaker signal when it decodes to clean Japanese.
  const alternatives: { charset: string | null; source: CharsetSource }[] = [
    ...(declared.source === 'header' ? [{ charset: meta, source: 'meta' as const }] : []),
    { charset: detect(), source: 'detected' },
  ];
  for (const alt of alternatives) {
    if (!alt.charset || alt.charset === declared.charset) continue;
    const altText = decodeAs(bytes, alt.charset);
    if (!altText.includes('\uFFFD') && KANA.test(altText)) return { text: altText, charset: alt.charset, source: alt.source };
  }
  return { text, ...declared };
}

/** Replacement characters, or Western single-byte text where Japanese was expected. */
function looksMisdeclared(text: string, charset: string): boolean {
  if (text.includes('\uFFFD')) return true;
  return SINGLE_BYTE.test(charset) && !KANA.test(text) && /[\u0080-\uffff]/.test(text);
}

function rejectMagic(bytes: Uint8Array): void {
  for (const { what, bytes: magic, at = 0 } of MAGIC) {
    if (bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)) {
      throw new UndecodableError(`binary content (${what}), not a text page`);
    }
  }
}

function rejectNul(bytes: Uint8Array): void {
  const at = bytes.subarray(0, NUL_SCAN_BYTES).indexOf(0);
  if (at !== -1) throw new UndecodableError(`binary content: NUL byte at offset ${at}, not a text page`);
}

function bomOf(bytes: Uint8Array): { charset: string; length: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

const DETECTED: Partial<Record<string, string>> = {
  UTF8: 'utf-8',
  SJIS: 'shift_jis',
  EUCJP: 'euc-jp',
  JIS: 'iso-2022-jp',
};

/** encoding-japanese's verdict, or null when it only sees ASCII or cannot tell. */
function detectCharset(bytes: Uint8Array): string | null {
  // JIS before ASCII: ISO-2022-JP is 7-bit. EUC-JP before SJIS: SJIS leads 0x81-0x9F are invalid EUC.
  const found = Encoding.detect(bytes, ['JIS', 'ASCII', 'UTF8', 'EUCJP', 'SJIS']);
  return (found && DETECTED[found]) || null;
}

function decodeAs(bytes: Uint8Array, charset: string): string {
  // iconv-lite has no ISO-2022-JP.
  if (charset === 'iso-2022-jp') return Encoding.convert(bytes, { to: 'UNICODE', from: 'JIS', type: 'string' });
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return iconv.decode(buffer, iconvName(charset), { stripBOM: false });
}

function iconvName(charset: string): string {
  // cp932 is the superset actually written by Windows: ①②, NEC and IBM extensions.
  if (charset === 'shift_jis') return 'cp932';
  if (charset === 'euc-jp') return 'eucjp';
  return charset;
}
