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

export function getTokenizer(): Promise<Tokenizer> {
  loading ??= new Promise<Tokenizer>((resolve, reject) => {
    kuromoji.builder({ dicPath: dictionaryPath() }).build((err, tk) => {
      if (err) {
        loading = undefined;
        reject(err);
        return;
      }
      resolve({
        tokenize(text: string): Token[] {
          return tk.tokenize(text).map((t) => ({
            surface: t.surface_form,
            basic: t.basic_form === '*' ? t.surface_form : t.basic_form,
            pos: t.pos,
            pos_detail_1: t.pos_detail_1,
            start: t.word_position - 1,
          }));
        },
      });
    });
  });
  return loading;
}
