// REFI-QDA exchange (https://www.qdasoftware.org, QDA-XML 1.0, as read by NVivo, MAXQDA, ATLAS.ti and QualCoder):
// the categories as a codebook (.qdc, urn:QDA-XML:codebook:1.0) and the documents with their annotations as a
// project (project.qde inside a .qdpx, urn:QDA-XML:project:1.0). Each document becomes a TextSource whose text is
// sources/GUID.txt; each annotation a PlainTextSelection, coded when it counts in the tally, with its memo as a Note.
// GUIDs are derived from names, so the same files, lexicons and store give the same bytes.
import { sha256Hex } from './nodeCrypto';
import type { Category, Match, Polarity } from './types';
import type { PlacedNote, ReviewVerdict } from './webAnnotationReview';

/** What the store applies to a document's matches (a DocumentReview, or the editor's snapshot of one). */
export interface RefiReview {
  /** Parallel to the matches. */
  readonly verdicts: readonly (ReviewVerdict | null)[];
  readonly notes: readonly PlacedNote[];
}

const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

const POLARITY_GROUPS: ReadonlyArray<{ polarity: Polarity; name: string; color: string; description: string }> = [
  { polarity: 'control', name: 'Control', color: '#C0392B', description: 'Control-oriented language: surveillance, sanctions, obligations, restrictions (Policy Lens polarity "control").' },
  { polarity: 'engagement', name: 'Engagement', color: '#1F7A4D', description: 'Engagement-oriented language: consultation, participation, rights, transparency (Policy Lens polarity "engagement").' },
];
const RESEARCHER_CODES = { name: 'Researcher codes', color: '#7F8C8D', description: 'Codes researchers applied in the editor that are not lexicon categories.' };

/** A GUID of the pattern QDA-XML requires, derived from a name (shaped as an RFC 4122 version 5 UUID). */
function refiGuid(kind: string, name: string): string {
  const h = sha256Hex(`policy-lens\u0000${kind}\u0000${name}`);
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const codeGuid = (id: string): string => refiGuid('code', id);
const userGuid = (name: string): string => refiGuid('user', name);

/** Text for an XML attribute or element: the five special characters escaped, and characters XML 1.0 forbids dropped. */
function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter((e): e is [string, string | number | boolean] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
}

/** The code tree: a non-codable group per polarity holding its categories, then any researcher codes. */
function codesXml(categories: readonly Category[], researcherCodes: readonly string[], indent: string): string {
  let out = `${indent}<Codes>\n`;
  for (const group of POLARITY_GROUPS) {
    const members = categories.filter((c) => c.polarity === group.polarity);
    if (members.length === 0) continue;
    out += `${indent}  <Code${attrs({ guid: refiGuid('group', group.polarity), name: group.name, isCodable: false, color: group.color })}>\n`;
    out += `${indent}    <Description>${xmlText(group.description)}</Description>\n`;
    for (const c of members) {
      const about = `${c.id} (${c.polarity})${c.labelZh ? `; ${c.labelZh}` : ''}${c.description ? `. ${c.description}` : ''}`;
      out += `${indent}    <Code${attrs({ guid: codeGuid(c.id), name: c.label, isCodable: true, color: group.color })}>\n`;
      out += `${indent}      <Description>${xmlText(about)}</Description>\n`;
      out += `${indent}    </Code>\n`;
    }
    out += `${indent}  </Code>\n`;
  }
  if (researcherCodes.length > 0) {
    out += `${indent}  <Code${attrs({ guid: refiGuid('group', 'researcher'), name: RESEARCHER_CODES.name, isCodable: false, color: RESEARCHER_CODES.color })}>\n`;
    out += `${indent}    <Description>${xmlText(RESEARCHER_CODES.description)}</Description>\n`;
    for (const id of researcherCodes) out += `${indent}    <Code${attrs({ guid: codeGuid(id), name: id, isCodable: true, color: RESEARCHER_CODES.color })}/>\n`;
    out += `${indent}  </Code>\n`;
  }
  return `${out}${indent}</Codes>\n`;
}

/** The categories as a REFI-QDA codebook (.qdc). `origin` names the program and lexicons. */
export function codebookXml(categories: readonly Category[], origin: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook${attrs({ xmlns: CODEBOOK_NAMESPACE, origin })}>\n${codesXml(categories, [], '  ')}</CodeBook>\n`;
}

/** What the project needs of one document, computed where the document is analysed (a worker thread may do it). */
export interface RefiDocument {
  source: string;
  guid: string;
  /** The text the positions count in, stored as sources/GUID.txt. */
  text: string;
  /** The TextSource element. */
  sourceXml: string;
  /** Its memos, as Note elements. */
  notesXml: string;
  /** Reviewers and coders named in it, and codes that are not lexicon categories. */
  users: string[];
  codes: string[];
}

/** Character offsets (UTF-16 code units) → REFI-QDA positions, counted in Unicode characters (code points). */
function codePointCounter(text: string): (offset: number) => number {
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) astral.push(++i);
  }
  return (offset) => {
    let before = 0;
    while (before < astral.length && astral[before] < offset) before++;
    return offset - before;
  };
}

interface Selection {
  start: number;
  end: number;
  order: number;
  name: string;
  description: string;
  creator: string;
  created?: string;
  code: string | null;
  memo: { text: string; creator: string; created?: string } | null;
}

/**
 * One document: `matches` in document order, `review` what the store applies to them (null when there is none).
 * Counted automatic matches are coded with their category; negated, exempted and rejected ones are selections
 * without a code, their reason in the description. Manual codes are coded selections by their coder; memos are
 * uncoded selections with a note. Reviews and notes whose text is gone (orphans) have no place and are left out.
 */
export function refiDocument(source: string, text: string, matches: readonly Match[], review: RefiReview | null, software: string, categoryIds: ReadonlySet<string>): RefiDocument {
  const guid = refiGuid('source', source);
  const selections: Selection[] = [];
  matches.forEach((m, i) => {
    const verdict = review?.verdicts[i] ?? null;
    const excluded = m.negated ? `not counted (${m.rule ?? 'negated'}${m.ruleDetail ? `: ${m.ruleDetail}` : ''})` : null;
    const reviewed = verdict ? `${verdict.value} by ${verdict.creator}${verdict.value === 'rejected' ? ': not counted' : ''}` : null;
    selections.push({
      start: m.start,
      end: m.end,
      order: i,
      name: m.text,
      description: [`${m.polarity}: lexicon entry "${m.entry}"`, excluded, reviewed].filter((s) => s !== null).join('; '),
      creator: software,
      code: m.negated || verdict?.value === 'rejected' ? null : m.category,
      memo: verdict?.reason ? { text: verdict.reason, creator: verdict.creator, created: verdict.modified } : null,
    });
  });
  for (const [i, n] of (review?.notes ?? []).entries()) {
    if (n.status === 'orphan') continue;
    selections.push({
      start: n.start,
      end: n.end,
      order: matches.length + i,
      name: n.quote,
      description: n.kind === 'code' ? `code "${n.code}" by ${n.creator}` : `memo by ${n.creator}`,
      creator: n.creator,
      created: n.modified,
      code: n.code,
      memo: n.memo ? { text: n.memo, creator: n.creator, created: n.modified } : null,
    });
  }
  selections.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const position = codePointCounter(text);
  const users = new Set<string>();
  const codes = new Set<string>();
  let sourceXml = `    <TextSource${attrs({ guid, name: source, plainTextPath: `internal://${guid}.txt`, creatingUser: userGuid(software) })}>\n`;
  let notesXml = '';
  for (const s of selections) {
    users.add(s.creator);
    const selectionGuid = refiGuid('selection', `${source}\u0000${s.start}\u0000${s.end}\u0000${s.order}\u0000${s.description}`);
    const user = userGuid(s.creator);
    sourceXml += `      <PlainTextSelection${attrs({ guid: selectionGuid, name: s.name, startPosition: position(s.start), endPosition: position(s.end), creatingUser: user, creationDateTime: s.created })}>\n`;
    // QualCoder reads a selection's Description as its coding memo, NVivo and MAXQDA the linked Note: both carry it.
    const memoLine = s.memo ? `\nMemo by ${s.memo.creator}: ${s.memo.text}` : '';
    sourceXml += `        <Description>${xmlText(s.description + memoLine)}</Description>\n`;
    if (s.code !== null) {
      if (!categoryIds.has(s.code)) codes.add(s.code);
      sourceXml += `        <Coding${attrs({ guid: refiGuid('coding', selectionGuid), creatingUser: user, creationDateTime: s.created })}>\n`;
      sourceXml += `          <CodeRef${attrs({ targetGUID: codeGuid(s.code) })}/>\n`;
      sourceXml += `        </Coding>\n`;
    }
    if (s.memo) {
      users.add(s.memo.creator);
      const noteGuid = refiGuid('note', selectionGuid);
      sourceXml += `        <NoteRef${attrs({ targetGUID: noteGuid })}/>\n`;
      notesXml += `    <Note${attrs({ guid: noteGuid, name: `Memo on "${s.name.length > 40 ? `${s.name.slice(0, 40)}…` : s.name}" in ${source}`, creatingUser: userGuid(s.memo.creator), creationDateTime: s.memo.created })}>\n`;
      notesXml += `      <PlainTextContent>${xmlText(s.memo.text)}</PlainTextContent>\n`;
      notesXml += `    </Note>\n`;
    }
    sourceXml += `      </PlainTextSelection>\n`;
  }
  sourceXml += `    </TextSource>\n`;
  return { source, guid, text, sourceXml, notesXml, users: [...users], codes: [...codes] };
}

/** The project's name: the lexicons it was coded with. */
export function refiProjectName(lexicon: { name: string; version: string }): string {
  return `Policy Lens: ${lexicon.name} ${lexicon.version}`;
}

/** project.qde for the documents, in the order given. `software` is the program's user name. */
export function projectXml(name: string, software: string, categories: readonly Category[], documents: readonly RefiDocument[], created?: string): string {
  const users = new Set<string>([software]);
  const researcherCodes = new Set<string>();
  for (const d of documents) {
    for (const u of d.users) users.add(u);
    for (const c of d.codes) researcherCodes.add(c);
  }
  let out = `<?xml version="1.0" encoding="utf-8"?>\n<Project${attrs({ xmlns: PROJECT_NAMESPACE, name, origin: software, creatingUserGUID: userGuid(software), creationDateTime: created })}>\n`;
  out += '  <Users>\n';
  for (const u of users) out += `    <User${attrs({ guid: userGuid(u), name: u })}/>\n`;
  out += '  </Users>\n';
  out += `  <CodeBook>\n${codesXml(categories, [...researcherCodes].sort(), '    ')}  </CodeBook>\n`;
  if (documents.length > 0) out += `  <Sources>\n${documents.map((d) => d.sourceXml).join('')}  </Sources>\n`;
  const notes = documents.map((d) => d.notesXml).join('');
  if (notes !== '') out += `  <Notes>\n${notes}  </Notes>\n`;
  return `${out}</Project>\n`;
}
