// The annotation store (`.policylens/annotations.json`): a W3C Web Annotation collection of reviews (assessing),
// manual codes (classifying) and memos (commenting). Parsed with file:line:column errors, written with fixed key
// order, items sorted and two-space indentation, so that the file diffs and merges well in git.
// https://www.w3.org/TR/annotation-model/ (collections: section 5; selectors: section 4.2)
import { Node, ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { lineColumnAt } from './lineColumn';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The store's own format name and version; a store of a higher version is opened read-only. */
const STORE_FORMAT = 'policy-lens.annotations';
export const STORE_VERSION = 1;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Up to QUOTE_CONTEXT characters before `exact` (fewer at the start of the document). */
  prefix: string;
  suffix: string;
}

/** Offsets in UTF-16 code units, end exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface AnnotationTarget {
  /** The document's path relative to the workspace folder (or the store's parent folder), with `/` separators. */
  source: string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

export type Motivation = 'assessing' | 'classifying' | 'commenting';
export type ReviewValue = 'accepted' | 'rejected';
/** `workspace`: the verdict holds for every match of the entry in the workspace ("reject everywhere"). */
export type ReviewScope = 'here' | 'workspace';

export interface AssessingBody {
  type: 'TextualBody';
  purpose: 'assessing';
  value: ReviewValue;
  /** The lexicon entry (its term as written) and category of the reviewed match. */
  entry: string;
  category: string;
  scope: ReviewScope;
}

export interface ClassifyingBody {
  type: 'TextualBody';
  purpose: 'classifying';
  /** A lexicon category id or a codebook code id. */
  value: string;
}

export interface CommentingBody {
  type: 'TextualBody';
  purpose: 'commenting';
  value: string;
}

export type AnnotationBody = AssessingBody | ClassifyingBody | CommentingBody;

export interface Agent {
  type: 'Person' | 'Software';
  name: string;
}

export interface WebAnnotation {
  /** `urn:uuid:…`; stable across edits, the key for merging. */
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  creator: Agent;
  /** ISO 8601 times. */
  created: string;
  modified: string;
  /**
   * assessing: one AssessingBody, then an optional CommentingBody (the reason); classifying: one ClassifyingBody,
   * then an optional CommentingBody (the memo); commenting: one CommentingBody.
   */
  body: AnnotationBody[];
  target: AnnotationTarget;
}

export interface StoreGenerator {
  type: 'Software';
  name: string;
  version: string;
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  format: typeof STORE_FORMAT;
  /** The store format version of the program that wrote the file. */
  version: number;
  generator: StoreGenerator;
  total: number;
  /** The collection's one page, embedded (W3C model 5.1, 5.2). */
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

const STORE_LABEL = 'Policy Lens reviews, codes and memos';

/** A store file that cannot be used, with the place of the problem (1-based line and column). */
export class AnnotationStoreError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.name = 'AnnotationStoreError';
  }
}

export interface ParsedStore {
  collection: AnnotationCollection;
  /** True when a newer program wrote the file: read it, never write it. */
  readOnly: boolean;
}

export function emptyCollection(generator: StoreGenerator): AnnotationCollection {
  return collectionOf([], generator);
}

export function collectionOf(items: readonly WebAnnotation[], generator: StoreGenerator): AnnotationCollection {
  const sorted = sortAnnotations(items);
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: STORE_LABEL,
    format: STORE_FORMAT,
    version: STORE_VERSION,
    generator: { ...generator },
    total: sorted.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: sorted },
  };
}

/** Items sorted by document, position, then id: the order they are written in. */
function sortAnnotations(items: readonly WebAnnotation[]): WebAnnotation[] {
  return [...items].sort(compareAnnotations);
}

function compareAnnotations(a: WebAnnotation, b: WebAnnotation): number {
  const pa = a.target.selector[1];
  const pb = b.target.selector[1];
  return cmp(a.target.source, b.target.source) || pa.start - pb.start || pa.end - pb.end || cmp(a.motivation, b.motivation) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file's text: fixed key order, sorted items, two-space indentation, a final newline. */
export function serializeCollection(collection: AnnotationCollection): string {
  const items = sortAnnotations(collection.first.items).map(orderedAnnotation);
  const ordered = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: collection.label,
    format: STORE_FORMAT,
    version: collection.version,
    generator: { type: 'Software', name: collection.generator.name, version: collection.generator.version },
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

function orderedAnnotation(a: WebAnnotation): WebAnnotation {
  const [quote, position] = a.target.selector;
  return {
    id: a.id,
    type: 'Annotation',
    motivation: a.motivation,
    creator: { type: a.creator.type, name: a.creator.name },
    created: a.created,
    modified: a.modified,
    body: a.body.map(orderedBody),
    target: {
      source: a.target.source,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  };
}

function orderedBody(b: AnnotationBody): AnnotationBody {
  if (b.purpose === 'assessing') return { type: 'TextualBody', purpose: 'assessing', value: b.value, entry: b.entry, category: b.category, scope: b.scope };
  return { type: 'TextualBody', purpose: b.purpose, value: b.value };
}

// ---- Changes and merging ----

/** What one window did to the store since it last read it; replayed onto the file as it is now before writing. */
export type StoreChange = { kind: 'put'; annotation: WebAnnotation } | { kind: 'delete'; id: string };

/**
 * The collection with `changes` applied in order. A put replaces the annotation of the same id unless the one
 * already there was modified later (another window's newer edit wins); a delete removes it.
 */
export function applyChanges(collection: AnnotationCollection, changes: readonly StoreChange[], generator: StoreGenerator): AnnotationCollection {
  const byId = new Map(collection.first.items.map((a) => [a.id, a]));
  for (const change of changes) {
    if (change.kind === 'delete') {
      byId.delete(change.id);
      continue;
    }
    const existing = byId.get(change.annotation.id);
    if (existing && existing.modified > change.annotation.modified) continue;
    byId.set(change.annotation.id, change.annotation);
  }
  return collectionOf([...byId.values()], generator);
}

// ---- Parsing ----

const MOTIVATIONS: readonly Motivation[] = ['assessing', 'classifying', 'commenting'];
const REVIEW_VALUES: readonly ReviewValue[] = ['accepted', 'rejected'];
const SCOPES: readonly ReviewScope[] = ['here', 'workspace'];
const AGENT_TYPES: readonly Agent['type'][] = ['Person', 'Software'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type At = (offset: number, problem: string) => AnnotationStoreError;

/** Parses a store file's text; throws an AnnotationStoreError naming the line and column of the first problem. */
export function parseCollection(text: string, file: string): ParsedStore {
  const at: At = (offset, problem) => {
    const { line, column } = lineColumnAt(text, offset);
    return new AnnotationStoreError(file, line, column, problem);
  };
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  if (text.trim() === '') throw at(0, 'the file is empty');
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    const code = printParseErrorCode(errors[0].error);
    throw at(errors[0].offset, `invalid JSON: ${code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`);
  }
  if (!root) throw at(0, 'the file is empty');
  return new StoreValidator(at).collection(root);
}

class StoreValidator {
  constructor(private readonly at: At) {}

  collection(root: Node): ParsedStore {
    const props = this.object(root, 'the collection', ['@context', 'type', 'label', 'format', 'version', 'generator', 'total', 'first', 'items', 'id']);
    this.constant(props, root, '@context', ANNOTATION_CONTEXT);
    this.constant(props, root, 'type', 'AnnotationCollection');
    const versionNode = props.get('version');
    const version = versionNode ? this.integer(versionNode, '"version"', 1) : STORE_VERSION;
    const format = props.get('format');
    if (format) this.constantNode(format, '"format"', STORE_FORMAT);
    const generatorNode = props.get('generator');
    const generator: StoreGenerator = generatorNode ? this.generator(generatorNode) : { type: 'Software', name: 'unknown', version: '0' };
    const label = props.get('label') ? this.string(props.get('label') as Node, '"label"') : STORE_LABEL;
    // Items in the embedded first page, as written; a flat `items` list is read too (some tools write that).
    let itemNodes: Node[] = [];
    const first = props.get('first');
    if (first) {
      const page = this.object(first, '"first"', ['type', 'startIndex', 'items', 'id']);
      this.constant(page, first, 'type', 'AnnotationPage');
      itemNodes = this.array(page, first, 'items');
    } else if (props.get('items')) itemNodes = this.array(props, root, 'items');
    const items = itemNodes.map((n) => this.annotation(n));
    const seen = new Map<string, Node>();
    items.forEach((a, i) => {
      if (seen.has(a.id)) throw this.at(itemNodes[i].offset, `duplicate annotation id "${a.id}"`);
      seen.set(a.id, itemNodes[i]);
    });
    const total = props.get('total');
    if (total && this.integer(total, '"total"', 0) !== items.length) throw this.at(total.offset, `"total" says ${total.value as number} but the collection holds ${items.length} annotations`);
    const collection: AnnotationCollection = {
      '@context': ANNOTATION_CONTEXT,
      type: 'AnnotationCollection',
      label,
      format: STORE_FORMAT,
      version,
      generator,
      total: items.length,
      first: { type: 'AnnotationPage', startIndex: 0, items: sortAnnotations(items) },
    };
    return { collection, readOnly: version > STORE_VERSION };
  }

  private generator(node: Node): StoreGenerator {
    const props = this.object(node, '"generator"', ['type', 'name', 'version', 'homepage']);
    this.constant(props, node, 'type', 'Software');
    return { type: 'Software', name: this.requiredString(props, node, 'name'), version: this.requiredString(props, node, 'version') };
  }

  private annotation(node: Node): WebAnnotation {
    const props = this.object(node, 'an annotation', ['@context', 'id', 'type', 'motivation', 'creator', 'created', 'modified', 'body', 'target']);
    const id = this.requiredString(props, node, 'id');
    this.constant(props, node, 'type', 'Annotation');
    const motivation = this.enumString(props, node, 'motivation', MOTIVATIONS);
    const creatorNode = this.required(props, node, 'creator');
    const creatorProps = this.object(creatorNode, '"creator"', ['type', 'name']);
    const creator: Agent = { type: this.enumString(creatorProps, creatorNode, 'type', AGENT_TYPES), name: this.requiredString(creatorProps, creatorNode, 'name') };
    const created = this.time(props, node, 'created');
    const modified = this.time(props, node, 'modified');
    const bodyNode = this.required(props, node, 'body');
    const bodyNodes = bodyNode.type === 'array' ? (bodyNode.children ?? []) : [bodyNode];
    const body = bodyNodes.map((b) => this.body(b));
    this.checkBodies(body, motivation, bodyNode);
    const target = this.target(this.required(props, node, 'target'));
    return { id, type: 'Annotation', motivation, creator, created, modified, body, target };
  }

  private checkBodies(body: AnnotationBody[], motivation: Motivation, node: Node): void {
    const main = body[0];
    const rest = body.slice(1);
    const ok = main !== undefined && main.purpose === motivation && rest.length <= (motivation === 'commenting' ? 0 : 1) && rest.every((b) => b.purpose === 'commenting');
    if (!ok) {
      throw this.at(node.offset, `an annotation "${motivation}" needs one body with purpose "${motivation}"${motivation === 'commenting' ? '' : ', then at most one with purpose "commenting"'}`);
    }
  }

  private body(node: Node): AnnotationBody {
    const props = this.object(node, 'a body', ['type', 'purpose', 'value', 'entry', 'category', 'scope', 'format', 'language']);
    this.constant(props, node, 'type', 'TextualBody');
    const purpose = this.enumString(props, node, 'purpose', MOTIVATIONS);
    if (purpose === 'assessing') {
      return {
        type: 'TextualBody',
        purpose,
        value: this.enumString(props, node, 'value', REVIEW_VALUES),
        entry: this.requiredString(props, node, 'entry'),
        category: this.requiredString(props, node, 'category'),
        scope: props.get('scope') ? this.enumString(props, node, 'scope', SCOPES) : 'here',
      };
    }
    for (const key of ['entry', 'category', 'scope']) {
      const extra = props.get(key);
      if (extra) throw this.at(extra.offset, `"${key}" belongs only in an "assessing" body`);
    }
    return { type: 'TextualBody', purpose, value: this.requiredString(props, node, 'value') };
  }

  private target(node: Node): AnnotationTarget {
    const props = this.object(node, '"target"', ['source', 'selector', 'type']);
    const source = this.requiredString(props, node, 'source');
    if (source.startsWith('/') || /^[a-z]:/i.test(source) || source.split('/').includes('..') || source.includes('\\')) {
      throw this.at(props.get('source')?.offset ?? node.offset, `"source" must be a path relative to the workspace folder with "/" separators, not "${source}"`);
    }
    const selectorNode = this.required(props, node, 'selector');
    if (selectorNode.type !== 'array') throw this.at(selectorNode.offset, '"selector" must be an array holding a TextQuoteSelector and a TextPositionSelector');
    let quote: TextQuoteSelector | null = null;
    let position: TextPositionSelector | null = null;
    for (const s of selectorNode.children ?? []) {
      const sp = this.object(s, 'a selector', ['type', 'exact', 'prefix', 'suffix', 'start', 'end']);
      const type = this.enumString(sp, s, 'type', ['TextQuoteSelector', 'TextPositionSelector'] as const);
      if (type === 'TextQuoteSelector') {
        if (quote) throw this.at(s.offset, 'a second TextQuoteSelector');
        quote = { type, exact: this.requiredString(sp, s, 'exact'), prefix: this.optionalString(sp, 'prefix'), suffix: this.optionalString(sp, 'suffix') };
      } else {
        if (position) throw this.at(s.offset, 'a second TextPositionSelector');
        const start = this.integer(this.required(sp, s, 'start'), '"start"', 0);
        const end = this.integer(this.required(sp, s, 'end'), '"end"', 0);
        if (end <= start) throw this.at(sp.get('end')?.offset ?? s.offset, `"end" (${end}) must be greater than "start" (${start})`);
        position = { type, start, end };
      }
    }
    if (!quote || !position) throw this.at(selectorNode.offset, '"selector" must hold a TextQuoteSelector and a TextPositionSelector');
    if (position.end - position.start !== quote.exact.length) {
      throw this.at(selectorNode.offset, `the TextPositionSelector spans ${position.end - position.start} characters but "exact" has ${quote.exact.length}`);
    }
    return { source, selector: [quote, position] };
  }

  private time(props: Map<string, Node>, parent: Node, key: string): string {
    const value = this.requiredString(props, parent, key);
    if (!ISO_TIME.test(value) || Number.isNaN(Date.parse(value))) throw this.at(props.get(key)?.offset ?? parent.offset, `"${key}" must be an ISO 8601 date and time, not "${value}"`);
    return value;
  }

  private object(node: Node, what: string, allowed: readonly string[]): Map<string, Node> {
    if (node.type !== 'object') throw this.at(node.offset, `${what} must be an object`);
    const props = new Map<string, Node>();
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      const key = String(keyNode?.value);
      if (!allowed.includes(key)) throw this.at(keyNode?.offset ?? prop.offset, `unknown property "${key}" in ${what} (allowed: ${allowed.join(', ')})`);
      if (props.has(key)) throw this.at(keyNode?.offset ?? prop.offset, `duplicate property "${key}"`);
      if (valueNode) props.set(key, valueNode);
    }
    return props;
  }

  private required(props: Map<string, Node>, parent: Node, key: string): Node {
    const node = props.get(key);
    if (!node) throw this.at(parent.offset, `missing required property "${key}"`);
    return node;
  }

  private requiredString(props: Map<string, Node>, parent: Node, key: string): string {
    return this.string(this.required(props, parent, key), `"${key}"`);
  }

  private optionalString(props: Map<string, Node>, key: string): string {
    const node = props.get(key);
    if (!node) return '';
    if (node.type !== 'string') throw this.at(node.offset, `"${key}" must be a string`);
    return String(node.value);
  }

  private string(node: Node, what: string): string {
    if (node.type !== 'string' || String(node.value) === '') throw this.at(node.offset, `${what} must be a non-empty string`);
    return String(node.value);
  }

  private integer(node: Node, what: string, min: number): number {
    if (node.type !== 'number' || !Number.isInteger(node.value) || (node.value as number) < min) throw this.at(node.offset, `${what} must be a whole number of at least ${min}`);
    return node.value as number;
  }

  private constant(props: Map<string, Node>, parent: Node, key: string, value: string): void {
    this.constantNode(this.required(props, parent, key), `"${key}"`, value);
  }

  private constantNode(node: Node, what: string, value: string): void {
    if (node.type !== 'string' || node.value !== value) throw this.at(node.offset, `${what} must be "${value}"`);
  }

  private enumString<T extends string>(props: Map<string, Node>, parent: Node, key: string, allowed: readonly T[]): T {
    const node = this.required(props, parent, key);
    if (node.type !== 'string' || !(allowed as readonly string[]).includes(String(node.value))) {
      throw this.at(node.offset, `"${key}" must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, not ${JSON.stringify(node.value)}`);
    }
    return node.value as T;
  }

  private array(props: Map<string, Node>, parent: Node, key: string): Node[] {
    const node = this.required(props, parent, key);
    if (node.type !== 'array') throw this.at(node.offset, `"${key}" must be an array`);
    return node.children ?? [];
  }
}

