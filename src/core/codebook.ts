// The workspace codebook (.policylens/codebook.json): user codes for coding by hand, each with an optional
// polarity that makes it count in the lean. Read by the editor and by the CLI beside the annotation store, so both
// count a manual code the same way.
import type { Polarity } from './types';

/** A user code from the workspace codebook. */
export interface CodebookCode {
  id: string;
  label: string;
  polarity: Polarity | null;
}

/** `{"codes": [{"id", "label"?, "polarity"?}]}`; a malformed codebook gives no codes (the lexicon categories remain). */
export function parseCodebook(text: string | undefined): CodebookCode[] {
  if (text === undefined) return [];
  try {
    const json = JSON.parse(text) as { codes?: unknown };
    if (!Array.isArray(json.codes)) return [];
    return json.codes.flatMap((c: unknown): CodebookCode[] => {
      if (c === null || typeof c !== 'object') return [];
      const { id, label, polarity } = c as Record<string, unknown>;
      if (typeof id !== 'string' || id === '') return [];
      return [{ id, label: typeof label === 'string' ? label : id, polarity: polarity === 'control' || polarity === 'engagement' ? polarity : null }];
    });
  } catch {
    return [];
  }
}

/**
 * What a code id counts as: a lexicon category's polarity first (as the lexicons define it), else the codebook
 * code's, else nothing (listed, not counted).
 */
export function codePolarity(categories: readonly { id: string; polarity: Polarity }[], codebook: readonly CodebookCode[]): (code: string) => Polarity | null {
  const byCategory = new Map(categories.map((c) => [c.id, c.polarity]));
  const byCode = new Map(codebook.map((c) => [c.id, c.polarity]));
  return (code) => byCategory.get(code) ?? byCode.get(code) ?? null;
}
