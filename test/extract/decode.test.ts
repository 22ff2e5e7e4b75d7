import Encoding from 'encoding-japanese';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UndecodableError, decodeBody } from '../../src/extract/decode.ts';

// Invented clinic copy; ①② and 髙 need cp932 (NEC / IBM extensions), ﾃｽﾄ is half-width kana.
const BODY = '<p>当院のエクソソーム点滴は①初回カウンセリング②投与の流れで行います。院長 髙橋花子。ﾃｽﾄ価格あり。</p>';
const TEXT = 'エクソソーム点滴は①初回カウンセリング②投与の流れ';

function page(metaTag = ''): string {
  return `<!DOCTYPE html><html><head>${metaTag}<title>さくら美容クリニック｜再生医療</title></head><body>${BODY}</body></html>`;
}
const sjis = (s: string): Uint8Array => iconv.encode(s, 'cp932');
const jis = (s: string): Uint8Array => Uint8Array.from(Encoding.convert(Encoding.stringToCode(s), { to: 'JIS', from: 'UNICODE' }));

describe('decodeBody', () => {
  it('uses the charset of the Content-Type header', () => {
    const out = decodeBody(sjis(page()), 'text/html; charset=Shift_JIS');
    expect(out).toMatchObject({ charset: 'shift_jis', source: 'header' });
    expect(out.text).toContain(TEXT);
    expect(out.text).toContain('髙橋花子');
    expect(out.text).toContain('ﾃｽﾄ');
  });

  it('maps Windows aliases and quoted labels to shift_jis', () => {
    for (const label of ['windows-31j', 'CP932', '"x-sjis"', 'sjis']) {
      const out = decodeBody(sjis(page()), `text/html; charset=${label}`);
      expect(out.charset).toBe('shift_jis');
      expect(out.text).toContain(TEXT);
    }
  });

  it('falls back to <meta charset> when the header has none', () => {
    const out = decodeBody(sjis(page('<meta charset="shift_jis">')), 'text/html');
    expect(out).toMatchObject({ charset: 'shift_jis', source: 'meta' });
    expect(out.text).toContain(TEXT);
  });

  it('reads the http-equiv form of the meta declaration', () => {
    const html = page('<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">');
    const out = decodeBody(iconv.encode(html, 'eucjp'));
    expect(out).toMatchObject({ charset: 'euc-jp', source: 'meta' });
    expect(out.text).toContain('院長 髙橋花子');
  });

  it('detects Shift_JIS when nothing is declared', () => {
    const out = decodeBody(sjis(page()), null);
    expect(out).toMatchObject({ charset: 'shift_jis', source: 'detected' });
    expect(out.text).toContain(TEXT);
  });

  it('prefers the meta charset when a wrong ISO-8859-1 header turns the page into mojibake', () => {
    const out = decodeBody(sjis(page('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')), 'text/html; charset=ISO-8859-1');
    expect(out).toMatchObject({ charset: 'shift_jis', source: 'meta' });
    expect(out.text).toContain(TEXT);
  });

  it('prefers detection when a wrong header is the only declaration', () => {
    const latin = decodeBody(sjis(page()), 'text/html; charset=iso-8859-1');
    expect(latin).toMatchObject({ charset: 'shift_jis', source: 'detected' });
    expect(latin.text).toContain(TEXT);
    const utf8 = decodeBody(iconv.encode(page(), 'eucjp'), 'text/html; charset=utf-8');
    expect(utf8).toMatchObject({ charset: 'euc-jp', source: 'detected' });
    expect(utf8.text).toContain(TEXT);
  });

  it('prefers the meta charset when a Shift_JIS header breaks a UTF-8 page', () => {
    const html = page('<meta charset="utf-8">');
    expect(decodeBody(new TextEncoder().encode(html), 'text/html; charset=Shift_JIS')).toMatchObject({ text: html, charset: 'utf-8', source: 'meta' });
  });

  it('keeps an honest Western header on a Western page', () => {
    const html = '<html><body><p>Café crème — 25 € ©2024 ½</p></body></html>';
    const out = decodeBody(iconv.encode(html, 'windows-1252'), 'text/html; charset=iso-8859-1');
    expect(out).toMatchObject({ charset: 'windows-1252', source: 'header' });
    expect(out.text).toContain('Café crème — 25 € ©2024 ½');
    // These bytes alone are also valid Shift_JIS (half-width katakana): still not a reason to switch.
    const footer = iconv.encode('<p>© 2024 Minato Clinic · All rights reserved</p>', 'windows-1252');
    expect(decodeBody(footer, 'text/html; charset=ISO-8859-1')).toMatchObject({ charset: 'windows-1252', source: 'header' });
  });

  it('decodes EUC-JP', () => {
    const out = decodeBody(iconv.encode(page(), 'eucjp'), 'text/html; charset=x-euc-jp');
    expect(out).toMatchObject({ charset: 'euc-jp', source: 'header' });
    expect(out.text).toContain(TEXT);
    expect(decodeBody(iconv.encode(page(), 'eucjp'))).toMatchObject({ charset: 'euc-jp', source: 'detected' });
  });

  it('decodes ISO-2022-JP, declared or detected', () => {
    const bytes = jis(page());
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const declared = decodeBody(bytes, 'text/html; charset=ISO-2022-JP');
    expect(declared).toMatchObject({ charset: 'iso-2022-jp', source: 'header' });
    expect(declared.text).toContain(TEXT);
    const detected = decodeBody(bytes);
    expect(detected).toMatchObject({ charset: 'iso-2022-jp', source: 'detected' });
    expect(detected.text).toBe(declared.text);
  });

  it('decodes UTF-8 with and without a BOM, and strips the BOM', () => {
    const utf8 = new TextEncoder().encode(page());
    expect(decodeBody(utf8, 'text/html; charset=utf-8')).toMatchObject({ text: page(), charset: 'utf-8', source: 'header' });
    expect(decodeBody(utf8)).toMatchObject({ text: page(), charset: 'utf-8', source: 'detected' });
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    // The BOM outranks a contradicting header.
    expect(decodeBody(withBom, 'text/html; charset=Shift_JIS')).toMatchObject({ text: page(), charset: 'utf-8', source: 'bom' });
  });

  it('decodes UTF-16LE with a BOM despite its NUL bytes', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...Buffer.from(page(), 'utf16le')]);
    expect(decodeBody(bytes)).toMatchObject({ text: page(), charset: 'utf-16le', source: 'bom' });
  });

  it('defaults to UTF-8 for plain ASCII', () => {
    expect(decodeBody(new TextEncoder().encode('<p>clinic</p>'))).toEqual({ text: '<p>clinic</p>', charset: 'utf-8', source: 'default' });
    expect(decodeBody(new Uint8Array(0))).toEqual({ text: '', charset: 'utf-8', source: 'default' });
  });

  it('ignores an unknown charset name and detects instead', () => {
    const out = decodeBody(sjis(page()), 'text/html; charset=x-made-up-kanji');
    expect(out).toMatchObject({ charset: 'shift_jis', source: 'detected' });
    expect(out.text).toContain(TEXT);
    const meta = decodeBody(sjis(page('<meta charset="base64">')));
    expect(meta).toMatchObject({ charset: 'shift_jis', source: 'detected' });
  });

  it('treats a meta claim of UTF-16 on an ASCII-readable page as UTF-8', () => {
    const html = page('<meta charset="utf-16">');
    expect(decodeBody(new TextEncoder().encode(html))).toMatchObject({ text: html, charset: 'utf-8', source: 'meta' });
  });

  it('rejects binary content with a clear message', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeBody(png, 'text/html')).toThrow(UndecodableError);
    expect(() => decodeBody(png)).toThrow(/PNG image/);
    expect(() => decodeBody(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ'))).toThrow(/PDF/);
    expect(() => decodeBody(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toThrow(/ZIP/);
    const nul = new TextEncoder().encode('<html>\u0000\u0000\u0001binary');
    expect(() => decodeBody(nul, 'text/html; charset=utf-8')).toThrow(/NUL byte at offset 6/);
  });
});
