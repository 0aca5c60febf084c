// YAML (and JSON, a subset of it) read with positions through the `yaml` package. Anchors and aliases are refused:
// a pattern list shared by reference is easy to misread, and aliases are how YAML bombs grow.
import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { LexiconError } from '../lexiconError';

export interface YamlSource {
  root: Node | null;
  /** A LexiconError at a node (or at an offset) of this file. */
  at(node: Node | number, problem: string): LexiconError;
}

export function readYaml(text: string, file: string, what: string): YamlSource {
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const counter = new LineCounter();
  const doc = parseDocument(body, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  const at = (node: Node | number, problem: string): LexiconError => {
    const offset = typeof node === 'number' ? node : (node.range?.[0] ?? 0);
    const { line, col } = counter.linePos(offset);
    return new LexiconError(file, line, col, problem);
  };
  const first = doc.errors[0];
  if (first) throw at(first.pos[0], `invalid YAML: ${first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  let refused: LexiconError | null = null;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) refused = at(node, `YAML aliases (*${node.source}) are not allowed in ${what}: write the values out`);
      else if ((isScalar(node) || isMap(node) || 'items' in node) && node.anchor) {
        // The node's range starts after its anchor; point at the "&".
        const start = node.range?.[0] ?? 0;
        const amp = body.lastIndexOf(`&${node.anchor}`, start);
        refused = at(amp >= 0 ? amp : start, `YAML anchors (&${node.anchor}) are not allowed in ${what}`);
      }
      else return undefined;
      return visit.BREAK;
    },
  });
  if (refused) throw refused;
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) throw at(0, 'the file is empty');
  return { root: doc.contents as Node, at };
}

/** The string value of a scalar node, or null for anything else (numbers, booleans, null, collections). */
export function stringOf(node: unknown): string | null {
  return isScalar(node) && typeof node.value === 'string' ? node.value : null;
}
