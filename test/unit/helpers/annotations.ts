// A store annotation of `text` as the editor writes one, for tests of review, codes and memos.
import type { WebAnnotation } from '../../../src/core/webAnnotation';
import { selectorsFor } from '../../../src/core/webAnnotationSelectors';

export function storeAnnotation(text: string, source: string, id: string, start: number, end: number, body: WebAnnotation['body']): WebAnnotation {
  const purpose = body[0].purpose;
  return {
    id,
    type: 'Annotation',
    motivation: purpose === 'assessing' ? 'assessing' : purpose === 'classifying' ? 'classifying' : 'commenting',
    creator: { type: 'Person', name: 'Ana' },
    created: '2026-12-05T10:00:00.000Z',
    modified: '2026-12-05T10:00:00.000Z',
    body,
    target: { source, selector: selectorsFor(text, start, end) },
  };
}
