// Parses and validates lexicon files, reporting every problem with its line and column.
import { Node, ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { LexiconError } from './lexiconError';
import { Category, CueEffect, CueSource, Language, LexiconEntrySource, LexiconSource, Polarity } from './types';

export { LexiconError };

const POLARITIES: readonly Polarity[] = ['control', 'engagement'];
const LANGUAGES: readonly Language[] = ['en', 'zh'];
const EFFECTS: readonly CueEffect[] = ['negate', 'exempt', 'protect', 'none', 'target', 'object', 'act', 'define', 'secret', 'organise'];
const SCOPES: readonly ('clause' | 'phrase' | 'subject' | 'object' | 'sentence')[] = ['clause', 'phrase', 'subject', 'object', 'sentence'];
const MAX_WEIGHT = 10;
/** A lexicon needs five levels; the JSON parser recurses per level, so a file nested thousands deep would overflow the stack. */
const MAX_NESTING = 64;
/** A term is words, optionally ending in `*` per word; no other syntax. */
const TERM_PATTERN = /^[^*\s]+\*?( [^*\s]+\*?)*$/u;
/** A term needs a letter, digit or Han character: "--" would match nothing. */
const HAS_WORD = /[\p{L}\p{N}]/u;
/** Han characters are matched exactly, one by one; a wildcard after one means nothing. */
const HAN_WILDCARD = /\p{Script=Han}\*/u;

export interface ParseLexiconOptions {
  /** Category ids defined elsewhere (the built-in lexicons) that entries may refer to. */
  knownCategories?: Iterable<string>;
  /** Lexicons loaded before this one: an entry repeating one of their terms, or a category redefining one of theirs, is warned about. */
  earlier?: readonly LexiconSource[];
  /** Receives each warning as `file:line:column: warning: …`; the lexicon still loads. */
  warn?: (warning: string) => void;
}

/** The smallest weight step: weights are summed in thousandths (see matcher.ts). */
const WEIGHT_STEP = 0.001;

/** Parses a lexicon file's text; throws a LexiconError naming the line and column of the first problem. */
export function parseLexicon(text: string, file: string, options: ParseLexiconOptions = {}): LexiconSource {
  const at = (offset: number, problem: string): LexiconError => {
    const { line, column } = lineColumn(text, offset);
    return new LexiconError(file, line, column, problem);
  };
  if (text.trim() === '' || text === '\ufeff') throw at(0, 'the file is empty');
  // A byte-order mark becomes a space, so offsets (and so lines and columns) stay those of the file.
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  const tooDeep = nestingBeyond(text, MAX_NESTING);
  if (tooDeep >= 0) throw at(tooDeep, `arrays and objects nested more than ${MAX_NESTING} levels deep`);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) throw describeParseError(text, errors[0], at);
  if (!root) throw at(0, 'the file is empty');
  return new Validator(at, options).lexicon(root);
}

type At = (offset: number, problem: string) => LexiconError;

class Validator {
  /** Lower-cased term → line where this file first has it. */
  private readonly ownTerms = new Map<string, number>();
  /** Lower-cased term → name of the earlier lexicon that has it. */
  private readonly earlierTerms = new Map<string, string>();

  constructor(
    private readonly at: At,
    private readonly options: ParseLexiconOptions,
  ) {
    for (const lexicon of options.earlier ?? []) {
      for (const entry of lexicon.entries) {
        const key = entry.term.toLowerCase();
        if (!this.earlierTerms.has(key)) this.earlierTerms.set(key, lexicon.name);
      }
    }
  }

  private warn(offset: number, problem: string): void {
    if (this.options.warn) this.options.warn(this.at(offset, `warning: ${problem}`).message);
  }

  lexicon(root: Node): LexiconSource {
    const props = this.object(root, 'the lexicon', ['$schema', 'name', 'version', 'language', 'description', 'categories', 'entries', 'context']);
    const name = this.string(props, root, 'name', true);
    const version = this.string(props, root, 'version', true);
    const language = this.enumString(props, root, 'language', LANGUAGES);
    const description = this.string(props, root, 'description', false);
    const categories = this.array(props, root, 'categories', true).map((node) => this.category(node));
    const known = new Set<string>(this.options.knownCategories ?? []);
    const own = new Set<string>();
    const builtIn = new Map<string, string>();
    for (const lexicon of this.options.earlier ?? []) for (const c of lexicon.categories) if (!builtIn.has(c.id)) builtIn.set(c.id, lexicon.name);
    for (const [i, category] of categories.entries()) {
      const offset = this.array(props, root, 'categories', true)[i].offset;
      if (own.has(category.id)) throw this.at(offset, `duplicate category id "${category.id}"`);
      const definedBy = builtIn.get(category.id);
      if (definedBy !== undefined) this.warn(offset, `category "${category.id}" is already defined by lexicon "${definedBy}"; that definition (label, polarity, description) is kept and this one ignored`);
      own.add(category.id);
      known.add(category.id);
    }
    const entries = this.array(props, root, 'entries', true).map((node) => this.entry(node, known));
    const context = props.get('context');
    const lexicon: LexiconSource = { name: name ?? '', version: version ?? '', language, categories, entries };
    if (description !== undefined) lexicon.description = description;
    if (context) lexicon.context = this.context(context, known);
    return lexicon;
  }

  private category(node: Node): Category {
    const props = this.object(node, 'a category', ['id', 'label', 'labelZh', 'polarity', 'description']);
    const id = this.string(props, node, 'id', true) ?? '';
    if (!/^[a-z][a-z0-9-]*$/.test(id)) throw this.at(props.get('id')?.offset ?? node.offset, `category id "${id}" must be lower-case letters, digits and hyphens`);
    const category: Category = {
      id,
      label: this.string(props, node, 'label', true) ?? '',
      polarity: this.enumString(props, node, 'polarity', POLARITIES),
      description: this.string(props, node, 'description', true) ?? '',
    };
    const labelZh = this.string(props, node, 'labelZh', false);
    if (labelZh !== undefined) category.labelZh = labelZh;
    return category;
  }

  private entry(node: Node, known: Set<string>): LexiconEntrySource {
    const props = this.object(node, 'an entry', ['term', 'category', 'weight', 'neutral', 'note', 'topic', 'conduct', 'command']);
    const term = this.term(props, node, 'term');
    const entry: LexiconEntrySource = { term };
    const neutral = props.get('neutral');
    if (neutral) {
      if (neutral.type !== 'boolean') throw this.at(neutral.offset, '"neutral" must be true or false');
      if (neutral.value === true) entry.neutral = true;
    }
    const category = this.string(props, node, 'category', false);
    if (category !== undefined) {
      if (!known.has(category)) throw this.at(props.get('category')?.offset ?? node.offset, `unknown category "${category}"`);
      entry.category = category;
    }
    const topic = props.get('topic');
    if (topic) {
      if (topic.type !== 'boolean') throw this.at(topic.offset, '"topic" must be true or false');
      if (topic.value === true) entry.topic = true;
    }
    const conduct = props.get('conduct');
    if (conduct) {
      if (conduct.type !== 'boolean') throw this.at(conduct.offset, '"conduct" must be true or false');
      if (conduct.value === true) entry.conduct = true;
    }
    const command = props.get('command');
    if (command) {
      if (command.type !== 'boolean') throw this.at(command.offset, '"command" must be true or false');
      if (command.value === true) entry.command = true;
    }
    if (entry.neutral && category !== undefined) throw this.at(node.offset, `entry "${term}" is neutral and must not name a category`);
    if (!entry.neutral && category === undefined) throw this.at(node.offset, `entry "${term}" needs a "category" (or "neutral": true)`);
    const weight = props.get('weight');
    if (weight) {
      if (weight.type !== 'number' || !(weight.value > 0) || weight.value > MAX_WEIGHT) {
        throw this.at(weight.offset, `"weight" must be a number above 0 and at most ${MAX_WEIGHT}`);
      }
      entry.weight = weight.value;
    }
    const note = this.string(props, node, 'note', false);
    if (note !== undefined) entry.note = note;
    if (entry.weight !== undefined && entry.weight < WEIGHT_STEP) this.warn(weight?.offset ?? node.offset, `weight ${entry.weight} is below ${WEIGHT_STEP}, the smallest step, and counts as 0`);
    const key = term.toLowerCase();
    const termOffset = props.get('term')?.offset ?? node.offset;
    const earlierLine = this.ownTerms.get(key);
    const earlierLexicon = this.earlierTerms.get(key);
    if (earlierLexicon !== undefined) this.warn(termOffset, `entry "${term}" is already in lexicon "${earlierLexicon}"; that entry counts and this one is ignored`);
    else if (earlierLine !== undefined) this.warn(termOffset, `entry "${term}" repeats the entry on line ${earlierLine}; only the first counts`);
    else this.ownTerms.set(key, this.at(termOffset, '').line);
    return entry;
  }

  private context(node: Node, known: Set<string>): NonNullable<LexiconSource['context']> {
    const props = this.object(node, '"context"', ['window', 'clauseBreaks', 'predicates', 'objectMarkers', 'protectionCategory', 'before', 'after', 'lists', 'subjects']);
    const context: NonNullable<LexiconSource['context']> = {};
    const window = props.get('window');
    if (window) context.window = this.window(window);
    const breaks = props.get('clauseBreaks');
    if (breaks) context.clauseBreaks = this.array(props, node, 'clauseBreaks', false).map((item) => this.stringNode(item, 'a clause break'));
    if (props.get('predicates')) context.predicates = this.array(props, node, 'predicates', false).map((item) => this.stringNode(item, 'a predicate word'));
    if (props.get('objectMarkers')) context.objectMarkers = this.array(props, node, 'objectMarkers', false).map((item) => this.stringNode(item, 'an object marker'));
    const protection = this.string(props, node, 'protectionCategory', false);
    if (protection !== undefined) {
      if (!known.has(protection)) throw this.at(props.get('protectionCategory')?.offset ?? node.offset, `unknown category "${protection}"`);
      context.protectionCategory = protection;
    }
    if (props.get('before')) context.before = this.array(props, node, 'before', false).map((item) => this.cue(item, known));
    if (props.get('after')) context.after = this.array(props, node, 'after', false).map((item) => this.cue(item, known));
    if (props.get('subjects')) {
      context.subjects = this.array(props, node, 'subjects', false).map((item) => {
        const subject = this.object(item, 'a subject', ['title', 'category', 'moves', 'note']);
        const category = this.string(subject, item, 'category', true) ?? '';
        if (!known.has(category)) throw this.at(subject.get('category')?.offset ?? item.offset, `unknown category "${category}"`);
        const moves = this.array(subject, item, 'moves', true).map((m) => this.stringNode(m, 'a category'));
        for (const m of moves) if (!known.has(m)) throw this.at(subject.get('moves')?.offset ?? item.offset, `unknown category "${m}"`);
        const title = this.array(subject, item, 'title', true).map((w) => this.stringNode(w, 'a title word'));
        return { title, category, moves, note: this.string(subject, item, 'note', true) ?? '' };
      });
    }
    const lists = props.get('lists');
    if (lists) {
      const listProps = this.object(lists, '"lists"', ['refer', 'ban', 'obliged', 'oversight', 'grounds', 'unpunctuated', 'exemption', 'protective']);
      context.lists = {};
      if (listProps.get('refer')) context.lists.refer = this.array(listProps, lists, 'refer', false).map((item) => this.stringNode(item, 'a word that names a list'));
      const ban = listProps.get('ban');
      if (ban) {
        const banProps = this.object(ban, '"ban"', ['words', 'entry', 'shields', 'officials', 'officialsEntry']);
        context.lists.ban = { words: this.array(banProps, ban, 'words', true).map((item) => this.stringNode(item, 'a ban word')), entry: this.term(banProps, ban, 'entry') };
        if (banProps.get('shields')) context.lists.ban.shields = this.array(banProps, ban, 'shields', true).map((item) => this.stringNode(item, 'a party a ban shields'));
        if (banProps.get('officials')) context.lists.ban.officials = this.array(banProps, ban, 'officials', true).map((item) => this.stringNode(item, 'an official a ban may bind'));
        if (banProps.get('officialsEntry')) context.lists.ban.officialsEntry = this.term(banProps, ban, 'officialsEntry');
      }
      const obliged = listProps.get('obliged');
      if (obliged) {
        const props = this.object(obliged, '"obliged"', ['words', 'entry']);
        context.lists.obliged = { words: this.array(props, obliged, 'words', true).map((item) => this.stringNode(item, 'a last word of an obliging lead-in')), entry: this.term(props, obliged, 'entry') };
      }
      const oversight = listProps.get('oversight');
      if (oversight) {
        const props = this.object(oversight, '"oversight"', ['words', 'means', 'entry']);
        context.lists.oversight = {
          words: this.array(props, oversight, 'words', true).map((item) => this.stringNode(item, 'a word of supervision')),
          means: this.array(props, oversight, 'means', true).map((item) => this.stringNode(item, 'a word naming means')),
          entry: this.term(props, oversight, 'entry'),
        };
      }
      const grounds = listProps.get('grounds');
      if (grounds) {
        const props = this.object(grounds, '"grounds"', ['words', 'categories', 'entry']);
        context.lists.grounds = {
          words: this.array(props, grounds, 'words', true).map((item) => this.stringNode(item, 'a word naming grounds')),
          categories: this.categoryIds(props, grounds, known),
          entry: this.term(props, grounds, 'entry'),
        };
      }
      const unpunctuated = listProps.get('unpunctuated');
      if (unpunctuated) {
        const props = this.object(unpunctuated, '"unpunctuated"', ['categories', 'except', 'exceptWith']);
        context.lists.unpunctuated = { categories: this.categoryIds(props, unpunctuated, known), except: this.array(props, unpunctuated, 'except', false).map((item) => this.stringNode(item, 'a last word')) };
        if (props.get('exceptWith')) context.lists.unpunctuated.exceptWith = this.array(props, unpunctuated, 'exceptWith', false).map((item) => this.stringNode(item, 'a word of an exemption'));
      }
      const protective = listProps.get('protective');
      if (protective) {
        const props = this.object(protective, '"protective"', ['except']);
        context.lists.protective = { except: this.array(props, protective, 'except', false).map((item) => this.stringNode(item, 'a word after which a ban lists its exceptions')) };
      }
      const exemption = listProps.get('exemption');
      if (exemption) {
        const props = this.object(exemption, '"exemption"', ['words', 'categories', 'sentences']);
        context.lists.exemption = { words: this.array(props, exemption, 'words', true).map((item) => this.stringNode(item, 'a word of an exemption')), categories: this.categoryIds(props, exemption, known) };
        if (props.get('sentences')) context.lists.exemption.sentences = this.array(props, exemption, 'sentences', false).map((item) => this.stringNode(item, 'a word of an exemption sentence'));
      }
    }
    return context;
  }

  private cue(node: Node, known: Set<string>): CueSource {
    const props = this.object(node, 'a cue', ['cue', 'effect', 'window', 'category', 'categories', 'scope', 'note', 'heads']);
    const cue: CueSource = { cue: this.term(props, node, 'cue'), effect: this.enumString(props, node, 'effect', EFFECTS) };
    const window = props.get('window');
    if (window) cue.window = this.window(window);
    if (props.get('scope')) {
      const scope = this.enumString(props, node, 'scope', SCOPES);
      if (scope === 'object' && cue.effect !== 'target') throw this.at(props.get('scope')?.offset ?? node.offset, `only a "target" cue has scope "object", not a "${cue.effect}" cue`);
      if (scope === 'sentence' && cue.effect !== 'define' && cue.effect !== 'organise') throw this.at(props.get('scope')?.offset ?? node.offset, `only a "define" or "organise" cue has scope "sentence", not a "${cue.effect}" cue`);
      if (scope !== 'clause') cue.scope = scope;
    }
    const category = this.string(props, node, 'category', false);
    if (category !== undefined) {
      const offset = props.get('category')?.offset ?? node.offset;
      if (cue.effect !== 'target' && cue.effect !== 'object' && cue.effect !== 'secret') throw this.at(offset, `only a "target", "object" or "secret" cue names a category, not a "${cue.effect}" cue`);
      if (!known.has(category)) throw this.at(offset, `unknown category "${category}"`);
      cue.category = category;
    }
    if (props.get('categories')) {
      const offset = props.get('categories')?.offset ?? node.offset;
      if (cue.effect !== 'target' && cue.effect !== 'secret' && cue.effect !== 'organise' && cue.effect !== 'act') throw this.at(offset, `only a "target", "secret", "organise" or "act" cue names the categories it moves, not a "${cue.effect}" cue`);
      cue.categories = this.array(props, node, 'categories', false).map((item) => {
        if (item.type !== 'string' || typeof item.value !== 'string') throw this.at(item.offset, '"categories" must list category ids');
        if (!known.has(item.value)) throw this.at(item.offset, `unknown category "${item.value}"`);
        return item.value;
      });
    }
    if (props.get('heads')) {
      if (cue.effect !== 'organise') throw this.at(props.get('heads')?.offset ?? node.offset, `only an "organise" cue names head nouns, not a "${cue.effect}" cue`);
      cue.heads = this.array(props, node, 'heads', true).map((item) => this.stringNode(item, 'a head noun'));
    }
    const note = this.string(props, node, 'note', false);
    if (note !== undefined) {
      if (cue.effect !== 'target') throw this.at(props.get('note')?.offset ?? node.offset, `only a "target" cue has a note, not a "${cue.effect}" cue`);
      cue.note = note;
    }
    return cue;
  }

  private window(node: Node): number {
    if (node.type !== 'number' || !Number.isInteger(node.value) || node.value < 0 || node.value > 20) {
      throw this.at(node.offset, '"window" must be a whole number from 0 to 20');
    }
    return node.value;
  }

  private term(props: Map<string, Node>, parent: Node, key: string): string {
    const value = this.string(props, parent, key, true) ?? '';
    const normalized = normalizeTerm(value);
    if (normalized === null) {
      throw this.at(props.get(key)?.offset ?? parent.offset, `"${key}" "${value}" must be one or more words; "*" may only end a word`);
    }
    return normalized;
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

  private string(props: Map<string, Node>, parent: Node, key: string, required: boolean): string | undefined {
    const node = props.get(key);
    if (!node) {
      if (required) throw this.at(parent.offset, `missing required property "${key}"`);
      return undefined;
    }
    return this.stringNode(node, `"${key}"`);
  }

  private stringNode(node: Node, what: string): string {
    if (node.type !== 'string' || String(node.value).trim() === '') throw this.at(node.offset, `${what} must be a non-empty string`);
    return String(node.value);
  }

  /** The required `categories` of a list rule: ids of the lexicon's (or known) categories. */
  private categoryIds(props: Map<string, Node>, parent: Node, known: ReadonlySet<string>): string[] {
    const ids = this.array(props, parent, 'categories', true).map((item) => this.stringNode(item, 'a category id'));
    for (const id of ids) if (!known.has(id)) throw this.at(props.get('categories')?.offset ?? parent.offset, `unknown category "${id}"`);
    return ids;
  }

  private enumString<T extends string>(props: Map<string, Node>, parent: Node, key: string, allowed: readonly T[]): T {
    const value = this.string(props, parent, key, true) ?? '';
    if (!(allowed as readonly string[]).includes(value)) {
      throw this.at(props.get(key)?.offset ?? parent.offset, `"${key}" must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, not "${value}"`);
    }
    return value as T;
  }

  private array(props: Map<string, Node>, parent: Node, key: string, required: boolean): Node[] {
    const node = props.get(key);
    if (!node) {
      if (required) throw this.at(parent.offset, `missing required property "${key}"`);
      return [];
    }
    if (node.type !== 'array') throw this.at(node.offset, `"${key}" must be an array`);
    return node.children ?? [];
  }
}

/** The offset of the first bracket deeper than `limit` (strings skipped), or −1. */
function nestingBeyond(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip the string, escapes included; an unterminated one is the parser's to report.
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) {
      depth--;
    }
  }
  return -1;
}

/** The term as the matcher takes it (spaces collapsed), or null when it is not one or more words with optional `*` ends. */
export function normalizeTerm(value: string): string | null {
  const normalized = value.trim().replace(/\s+/g, ' ');
  if (!normalized || !TERM_PATTERN.test(normalized) || !HAS_WORD.test(normalized) || HAN_WILDCARD.test(normalized)) return null;
  return normalized;
}

/** A JSON syntax error, moved to the comma and named as such when a trailing comma caused it. */
function describeParseError(text: string, error: ParseError, at: At): LexiconError {
  const code = printParseErrorCode(error.error);
  let before = error.offset - 1;
  while (before >= 0 && /\s/.test(text[before])) before--;
  if ((code === 'ValueExpected' || code === 'PropertyNameExpected') && text[before] === ',' && /[\]}]/.test(text[error.offset] ?? '')) {
    return at(before, 'invalid JSON: trailing comma (delete the comma before the closing bracket)');
  }
  return at(error.offset, `invalid JSON: ${code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`);
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
