// A document's annotations as a W3C Web Annotation collection (JSON-LD), for annotation tools such as
// Hypothesis-compatible viewers: the automatic matches as `classifying` annotations, followed by the researcher's
// own annotations of that document from the store (reviews, manual codes, memos) as they are stored. Both use the
// store's selectors (TextQuoteSelector and TextPositionSelector, from webAnnotationSelectors.ts).
// https://www.w3.org/TR/annotation-model/
import { sha256Hex } from './nodeCrypto';
import type { Match } from './types';
import { ANNOTATION_CONTEXT, type TextPositionSelector, type TextQuoteSelector, type WebAnnotation } from './webAnnotation';
import { selectorsFor } from './webAnnotationSelectors';

export interface ExportedAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  creator?: { type: 'Person' | 'Software'; name: string };
  created?: string;
  modified?: string;
  body: Array<{ type: 'TextualBody'; purpose: string; value: string; [key: string]: string }>;
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
}

export interface ExportedCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: ExportedAnnotation[] };
}

/**
 * The collection for one document. Ids are stable: a match's id hashes its source, span and entry, so the same
 * file and lexicons give the same bytes; stored annotations keep their own `urn:uuid` ids.
 */
export function webAnnotationCollection(source: string, text: string, matches: Iterable<Match>, stored: readonly WebAnnotation[], software: { name: string; version: string }): ExportedCollection {
  const items = exportedAnnotations(source, text, matches, stored, software);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId([source]),
    type: 'AnnotationCollection',
    label: `Policy Lens annotations of ${source}`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/**
 * The annotations of one document: its matches, then the stored annotations whose target is `storeSource` (the
 * document's path as the store names it, which may differ from the name in the export, `source`).
 */
export function exportedAnnotations(
  source: string,
  text: string,
  matches: Iterable<Match>,
  stored: readonly WebAnnotation[],
  software: { name: string; version: string },
  storeSource: string = source,
): ExportedAnnotation[] {
  const items: ExportedAnnotation[] = [];
  for (const m of matches) {
    const body: ExportedAnnotation['body'] = [
      { type: 'TextualBody', purpose: 'classifying', value: m.category },
      { type: 'TextualBody', purpose: 'describing', value: `${m.polarity}: lexicon entry "${m.entry}"${m.negated ? `, not counted (${m.rule ?? 'negated'}${m.ruleDetail ? `: ${m.ruleDetail}` : ''})` : ''}` },
    ];
    items.push({
      id: `urn:policy-lens:match:${digest(`${source}\u0000${m.start}\u0000${m.end}\u0000${m.entry}\u0000${m.category}`)}`,
      type: 'Annotation',
      motivation: 'classifying',
      creator: { type: 'Software', name: `${software.name} ${software.version}` },
      body,
      target: { source, selector: selectorsFor(text, m.start, m.end) },
    });
  }
  for (const a of stored) {
    if (a.target.source !== storeSource) continue;
    items.push({
      id: a.id,
      type: 'Annotation',
      motivation: a.motivation,
      creator: { ...a.creator },
      created: a.created,
      modified: a.modified,
      body: a.body.map((b) => ({ ...b })) as ExportedAnnotation['body'],
      target: { source, selector: [{ ...a.target.selector[0] }, { ...a.target.selector[1] }] },
    });
  }
  return items;
}

/** A collection's id: a digest of the sources it covers, in order, so the same inputs give the same id. */
export function collectionId(sources: readonly string[]): string {
  return `urn:policy-lens:collection:${digest(sources.join('\u0000'))}`;
}

/**
 * One collection over many documents, written as they come (the CLI's --format w3c): the opening, then each
 * annotation on its own line, then the closing with the id and total, which are known only at the end (JSON-LD
 * does not order keys). Parsed, it has the shape of webAnnotationCollection's.
 */
export class CollectionStream {
  private count = 0;
  private readonly sources: string[] = [];

  constructor(private readonly label: string) {}

  opening(): string {
    return `{\n  "@context": ${JSON.stringify(ANNOTATION_CONTEXT)},\n  "type": "AnnotationCollection",\n  "label": ${JSON.stringify(this.label)},\n  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [`;
  }

  /** One document's annotations as annotationLines wrote them, each put after its separator. */
  document(source: string, lines: string): string {
    this.sources.push(source);
    let out = '';
    for (const line of lines.split('\n')) {
      if (line !== '') out += `${this.count++ === 0 ? '\n' : ',\n'}      ${line}`;
    }
    return out;
  }

  closing(): string {
    return `${this.count === 0 ? '' : '\n    '}]\n  },\n  "id": ${JSON.stringify(collectionId(this.sources))},\n  "total": ${this.count}\n}\n`;
  }
}

/** Annotations one per line (JSON escapes line breaks inside strings), as they cross from a worker thread. */
export function annotationLines(items: readonly ExportedAnnotation[]): string {
  return items.map((item) => `${JSON.stringify(item)}\n`).join('');
}

function digest(text: string): string {
  return sha256Hex(text).slice(0, 32);
}
