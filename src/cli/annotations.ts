// --annotations: the editor's store (.policylens/annotations.json) read by the CLI, so a corpus report counts what
// the reviewers decided. By default the store is looked for in the folder given (a file's folder) and its
// ancestors; the nearest one holding it wins. The workspace lexicon and codebook beside it (.policylens/lexicon.json,
// codebook.json) are used too, as in the editor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodebookCode, parseCodebook } from '../core/codebook';
import { AnnotationCollection, AnnotationStoreError, parseCollection } from '../core/webAnnotation';
import { FatalError } from './fatalError';
import { describeFsError } from './inputs';

const STORE_RELATIVE = path.join('.policylens', 'annotations.json');
const WORKSPACE_LEXICON_RELATIVE = path.join('.policylens', 'lexicon.json');
const CODEBOOK_RELATIVE = path.join('.policylens', 'codebook.json');

/** The store the documents are reviewed against: sources in it are relative to `base`. */
export interface CliReview {
  /** Absolute path of the folder holding `.policylens/`. */
  base: string;
  file: string;
  collection: AnnotationCollection;
  /** The codebook beside the store: a code with a polarity counts as the editor counts it. */
  codebook: CodebookCode[];
}

/** The nearest `.policylens/annotations.json` at or above `start` (a folder, or a file's folder), or null. */
function findStore(start: string): string | null {
  let dir = path.resolve(start);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    const candidate = path.join(dir, STORE_RELATIVE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Reads the store named, or found from the first path; a malformed one stops the run with file:line:column. */
export function loadReview(explicit: string | null, disabled: boolean, paths: readonly string[]): CliReview | null {
  if (disabled) return null;
  const firstPath = paths.find((p) => p !== '-');
  const file = explicit ?? (firstPath === undefined ? null : findStore(firstPath));
  if (file === null) return null;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err: unknown) {
    throw new FatalError(`${file}: cannot read the annotation store: ${describeFsError(err)}`);
  }
  try {
    const { collection } = parseCollection(text, file);
    const base = path.dirname(path.dirname(path.resolve(file)));
    return { base, file, collection, codebook: parseCodebook(readIfPresent(path.join(base, CODEBOOK_RELATIVE))) };
  } catch (err: unknown) {
    if (err instanceof AnnotationStoreError) throw new FatalError(err.message);
    throw err;
  }
}

/** The workspace lexicon beside the store, when there is one. */
export function workspaceLexiconOf(review: CliReview | null): string | null {
  if (!review) return null;
  const file = path.join(review.base, WORKSPACE_LEXICON_RELATIVE);
  return fs.existsSync(file) ? file : null;
}

/** A document's source as the store names it: relative to the store's folder, with `/`; null outside it. */
export function storeSource(review: CliReview, filePath: string): string | null {
  const relative = path.relative(review.base, path.resolve(filePath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}

/** A file's text, or undefined when it is absent or unreadable (an optional file). */
function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
