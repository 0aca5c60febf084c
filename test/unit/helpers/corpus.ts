// Deterministic policy-style text for the incremental tests: English and Chinese sentences, headings,
// enumerations, blank lines, CRLF and characters beyond the BMP, all drawn from a seeded generator.
import { Random } from './random';

const ENGLISH = [
  'The authorities shall monitor online platforms and collect data on users.',
  'Petitioners shall not be detained, and no one shall be placed on a blacklist without a hearing.',
  'Departments must publish the results of public consultation and respond to complaints.',
  'Enterprises listed as seriously dishonest are subject to joint punishment; they may apply for credit repair.',
  'Accept supervision by the people, guide public opinion, and strengthen supervision of enterprises.',
  'The control loop uses sensor monitoring in the plant.',
  'Citizens have the right to appeal and to request correction of their personal information.',
  'Officials who fail to disclose information will be held accountable.',
  'It is prohibited to censor lawful speech, but harmful content shall be deleted.',
  'No. 5 of Art. 12 applies, e.g. to fines of up to 3.5 million.',
  'Without monitoring, the consultation is not meaningful: participation is voluntary.',
  'Residents are exempt from the registration requirement unless a court orders it.',
];

const CHINESE = [
  '建立健全社会信用体系，实施联合惩戒，将失信主体列入黑名单。',
  '各部门应当公开征求意见，认真听取群众意见，及时回应社会关切。',
  '不得非法收集、使用个人信息，防止滥用监控手段。',
  '接受人民监督和社会监督，加强对企业的监督检查。',
  '依法保障当事人的申诉权利，建立信用修复机制！',
  '对拒不履行义务的，依法予以惩戒？',
];

const HEADINGS = ['Chapter II General Provisions', 'Article 12', 'Section 3.1 Scope', 'Part IV', '# Overview', '2.1 Data Sharing', '第一章 总则', '第三条', '一、基本原则', '（二）加强监管'];
const ENUMERATIONS = ['(1) ', '(a) ', '- ', '1. ', '（一）', '二、'];

/** A paragraph: a few sentences, sometimes a heading or an enumerated item before it. */
export function paragraph(rng: Random): string {
  let out = '';
  if (rng.chance(0.2)) out += `${rng.pick(HEADINGS)}\n`;
  if (rng.chance(0.2)) out += rng.pick(ENUMERATIONS);
  const sentences = 1 + rng.int(4);
  for (let k = 0; k < sentences; k++) {
    out += rng.chance(0.7) ? rng.pick(ENGLISH) : rng.pick(CHINESE);
    out += rng.chance(0.15) ? '\n' : ' ';
  }
  return `${out.trimEnd()}\n`;
}

/** A line of 9 to 20 K characters: longer than a block, so the scanner cuts it. */
export function longLine(rng: Random): string {
  let out = '';
  const target = 9000 + rng.int(11_000);
  while (out.length < target) out += (rng.chance(0.8) ? rng.pick(ENGLISH) : rng.pick(CHINESE)) + (rng.chance(0.3) ? '' : ' ');
  return `${out}\n`;
}

/**
 * A document of about `chars` characters, paragraphs separated by blank lines, with some CRLF; with
 * `longLines`, one paragraph in fifty is a single line longer than a block.
 */
export function document(rng: Random, chars: number, longLines = false): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    let p = longLines && rng.chance(0.02) ? longLine(rng) : paragraph(rng);
    if (rng.chance(0.1)) p = p.replace(/\n/g, '\r\n');
    p += rng.chance(0.8) ? '\n' : '';
    parts.push(p);
    length += p.length;
  }
  return parts.join('');
}

/** Small pieces an edit inserts: structure, punctuation, cue words, terms, Chinese and astral text. */
export const PIECES = [
  '\n',
  '\n\n',
  '\r\n',
  '. ',
  '; ',
  ': ',
  ', ',
  '。',
  '！',
  '；',
  ' not ',
  ' shall not be ',
  ' but ',
  ' monitor ',
  ' public ',
  ' supervision ',
  'public supervision of enterprises',
  ' blacklist',
  ' appeal ',
  '\nArticle 7\n',
  '\nChapter III\n',
  '\n# Heading\n',
  '\n第五条 ',
  '\n一、',
  '\n(2) ',
  '信用评分',
  '不得监控',
  '征求意见',
  '😀',
  '𠀀',
  '𠀀监控',
  'e.g. ',
  'x',
  ' ',
];

/** A random replacement text: a piece, a sentence, a paragraph, or a few pieces. */
export function insertion(rng: Random): string {
  const r = rng.next();
  if (r < 0.55) return rng.pick(PIECES);
  if (r < 0.7) return rng.pick(ENGLISH) + ' ';
  if (r < 0.8) return rng.pick(CHINESE);
  if (r < 0.9) return paragraph(rng);
  let out = '';
  for (let k = 0; k < 3; k++) out += rng.pick(PIECES);
  return out;
}
