// Bytes of a fetched page to what the crawler and the analyzer read: the
// decoded HTML and its blocks and links. The sweep runs this in a worker
// thread (src/analyze/analysis-pool.ts); the crawler's default is this thread.
import { extractPage } from './blocks.ts';
import type { ExtractedPage } from './blocks.ts';
import { decodeBody } from './decode.ts';

export interface ReadPage {
  html: string;
  charset: string;
  extracted: ExtractedPage;
}

/** Throws UndecodableError for binary or undecodable bodies. */
export function readPage(body: Uint8Array, contentType: string | null | undefined, url: string): ReadPage {
  const { text: html, charset } = decodeBody(body, contentType);
  return { html, charset, extracted: extractPage(html, url) };
}

/** Reads pages: in this thread, or elsewhere (a worker) as long as the answer is the same. */
export type PageReader = (body: Uint8Array, contentType: string | null | undefined, url: string) => Promise<ReadPage>;

export const readPageHere: PageReader = async (body, contentType, url) => readPage(body, contentType, url);
