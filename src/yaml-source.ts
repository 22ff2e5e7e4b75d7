// Parses one YAML file (a dictionary, the sweep config) and turns any problem into an error that names
// the file, the line and (when known) the rule id, so authors fix it fast.
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';

export class YamlFileError extends Error {
  override name = 'YamlFileError';
}

export type YamlPath = readonly (string | number)[];

export class YamlSource {
  readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
    const err = this.doc.errors[0];
    if (err) {
      const line = this.lines.linePos(err.pos[0]).line;
      throw new YamlFileError(`${file}:${line}: invalid YAML: ${err.message.split('\n')[0]}`);
    }
  }

  /** Line of the deepest node that exists on the path (1-based). */
  lineOf(path: YamlPath): number {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return this.lines.linePos(range[0]).line;
    }
    return 1;
  }

  error(path: YamlPath, message: string, ruleId?: string): YamlFileError {
    const where = ruleId ? ` rule ${ruleId}:` : '';
    return new YamlFileError(`${this.file}:${this.lineOf(path)}:${where} ${message}`);
  }

  /** Validates the whole document; the first problem becomes a YamlFileError. */
  validate<T>(schema: z.ZodType<T>, ruleIdAt?: (path: YamlPath) => string | undefined): T {
    const result = schema.safeParse(this.doc.toJS());
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // point at the unknown field itself, not at the object holding it
    if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
    const at = path.length ? ` at ${path.join('.')}` : '';
    throw this.error(path, `${issue.message}${at}`, ruleIdAt?.(path));
  }
}
