// kuromoji's dictionary costs ~1 s and ~0.5 GB to load: one per process.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';

export interface Token {
  surface: string;
  basic: string;
  pos: string;
  pos_detail_1: string;
  /** Offset of the token in the tokenized text (0-based, UTF-16 units). */
  start: number;
}

export interface Tokenizer {
  tokenize(text: string): Token[];
}

function dictionaryPath(): string {
  // Resolve from the package, not the cwd, so any working directory works.
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('kuromoji/package.json')), 'dict');
}

let loading: Promise<Tokenizer> | undefined;
/** The kuromoji tokenizer once built, for its dictionary. */
let built: unknown;

interface PosBuffer {
  pos_buffer: { buffer: Uint8Array };
}

function featureLines(dictionary: PosBuffer): string[] {
  const b = dictionary.pos_buffer.buffer;
  let end = b.length;
  while (end > 0 && b[end - 1] === 0) end--;
  return Buffer.from(b.buffer, b.byteOffset, end).toString('utf8').split('\0');
}

/**
 * For each wanted base form: every surface a token with that base form can
 * have (Token.basic, so an unknown word, whose base form is its surface,
 * counts too), or null when there is no such bound. Undefined until the
 * dictionary is loaded (getTokenizer): it is read, not loaded, here.
 */
export function surfacesOfBasics(wanted: ReadonlySet<string>): Map<string, Set<string> | null> | undefined {
  if (!built) return undefined;
  const missing = new Map<string, Set<string> | null>();
  for (const w of wanted) if (!surfaceCache.has(w)) missing.set(w, new Set([w]));
  if (missing.size > 0) {
    const tk = built as { token_info_dictionary: PosBuffer; unknown_dictionary: PosBuffer };
    // lines: surface,pos,pos1,pos2,pos3,conj type,conj form,base form,reading,pronunciation
    for (const line of featureLines(tk.token_info_dictionary)) {
      const f = line.split(',');
      const basic = f[7] === '*' ? f[0]! : f[7];
      if (basic !== undefined && missing.has(basic)) missing.get(basic)?.add(f[0]!);
    }
    // unknown words: their base form is *, read as the surface; any other is no bound
    for (const line of featureLines(tk.unknown_dictionary)) {
      const basic = line.split(',')[7];
      if (basic !== undefined && basic !== '*' && missing.has(basic)) missing.set(basic, null);
    }
    for (const [w, s] of missing) surfaceCache.set(w, s);
  }
  return new Map([...wanted].map((w) => [w, surfaceCache.get(w) ?? null]));
}

const surfaceCache = new Map<string, Set<string> | null>();

export function getTokenizer(): Promise<Tokenizer> {
  loading ??= new Promise<Tokenizer>((resolve, reject) => {
    kuromoji.builder({ dicPath: dictionaryPath() }).build((err, tk) => {
      if (err) {
        loading = undefined;
        reject(err);
        return;
      }
      built = tk;
      resolve((ready = {
        tokenize(text: string): Token[] {
          return tk.tokenize(text).map((t) => ({
            surface: t.surface_form,
            basic: t.basic_form === '*' ? t.surface_form : t.basic_form,
            pos: t.pos,
            pos_detail_1: t.pos_detail_1,
            start: t.word_position - 1,
          }));
        },
      }));
    });
  });
  return loading;
}

let ready: Tokenizer | undefined;

/** The tokenizer if it is loaded already, without waiting. */
export function loadedTokenizer(): Tokenizer | undefined {
  return ready;
}
