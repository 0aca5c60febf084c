// The reviewed label changes (test/corpus/labels/relabels.tsv) and their application to the label files. A row
// names the file, the sentence, its old and new labels, the codebook's decision and the sentence's text; it is
// applied only where the file still holds the old labels and the same text, so that a row written against one
// version of the labels cannot silently change another.
import { codedCells, labelRows } from './corpus';

/** The label files a relabel may name, by the name its first cell gives. */
export const LABEL_SETS = {
  tuning: { file: 'test/corpus/labels/tuning-half.tsv', header: 'doc\tsentence\tcontrol\tengagement\ttext', width: 5 },
  test: { file: 'test/corpus/labels/test-half.tsv', header: 'doc\tsentence\tcontrol\tengagement\ttext', width: 5 },
  'second-coding': { file: 'test/corpus/labels/second-coding.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'codebook-coding': { file: 'test/corpus/labels/codebook-coding.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'codebook-coding-fresh': { file: 'test/corpus/labels/codebook-coding-fresh.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'fresh-coding': { file: 'test/corpus/labels/fresh-coding.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'codebook-coding-fresh2': { file: 'test/corpus/labels/codebook-coding-fresh2.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'codebook-coding-fresh3': { file: 'test/corpus/labels/codebook-coding-fresh3.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'codebook-coding-fresh4': { file: 'test/corpus/labels/codebook-coding-fresh4.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'codebook-coding-fresh5': { file: 'test/corpus/labels/codebook-coding-fresh5.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'codebook-coding-fresh6': { file: 'test/corpus/labels/codebook-coding-fresh6.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'codebook-coding-fresh7': { file: 'test/corpus/labels/codebook-coding-fresh7.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'codebook-coding-fresh8': { file: 'test/corpus/labels/codebook-coding-fresh8.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
  'codebook-coding-fresh9': { file: 'test/corpus/labels/codebook-coding-fresh9.tsv', header: 'doc\tsentence\tcontrol\tengagement\tnote\ttext', width: 6 },
} as const;

export type LabelSetName = keyof typeof LABEL_SETS;
export type LabelSet = (typeof LABEL_SETS)[LabelSetName];

export interface Codes {
  control: boolean;
  engagement: boolean;
}

export interface Relabel {
  set: LabelSetName;
  doc: string;
  sentence: number;
  old: Codes;
  new: Codes;
  /** The codebook's decision that the change applies: D1, D2, …, D7a. */
  decision: string;
  reason: string;
  text: string;
  line: number;
}

export const RELABELS_FILE = 'test/corpus/labels/relabels.tsv';
const HEADER = 'half\tdoc\tsentence\told control\told engagement\tnew control\tnew engagement\tdecision\treason\ttext';
const CODE = /^[01]$/;
const DECISION = /^D[1-9]\d*[a-z]?$/;

const isSet = (name: string): name is LabelSetName => Object.prototype.hasOwnProperty.call(LABEL_SETS, name);

/** Parses relabels.tsv; throws naming the line of a malformed row, a row that changes nothing, or a repeated sentence. */
export function parseRelabels(text: string, file: string): Relabel[] {
  const rows = labelRows(
    text,
    file,
    HEADER,
    (c) => c.length === 10 && isSet(c[0]) && /^\d+$/.test(c[2]) && [c[3], c[4], c[5], c[6]].every((x) => CODE.test(x)) && DECISION.test(c[7]) && c[8] !== '' && c[9] !== '',
    'half (tuning, test, second-coding, codebook-coding, codebook-coding-fresh, fresh-coding, codebook-coding-fresh2, codebook-coding-fresh3, codebook-coding-fresh4, codebook-coding-fresh5, codebook-coding-fresh6, codebook-coding-fresh7, codebook-coding-fresh8 or codebook-coding-fresh9), doc, sentence ordinal, old control, old engagement, new control, new engagement (0/1 each), decision (D1, D2, …), reason, text',
  );
  const seen = new Map<string, number>();
  return rows.map(({ cells, line }) => {
    const relabel: Relabel = {
      set: cells[0] as LabelSetName,
      doc: cells[1],
      sentence: Number(cells[2]),
      old: { control: cells[3] === '1', engagement: cells[4] === '1' },
      new: { control: cells[5] === '1', engagement: cells[6] === '1' },
      decision: cells[7],
      reason: cells[8],
      text: cells[9],
      line,
    };
    if (sameCodes(relabel.old, relabel.new)) throw new Error(`${file}:${line}: the new labels are the old ones`);
    const k = `${relabel.set}\u0000${relabel.doc}#${relabel.sentence}`;
    const earlier = seen.get(k);
    if (earlier !== undefined) throw new Error(`${file}:${line}: ${relabel.doc} sentence ${relabel.sentence} of ${relabel.set} is relabelled again (first at line ${earlier})`);
    seen.set(k, line);
    return relabel;
  });
}

export interface Applied {
  /** The label file's text with the relabels applied; every other byte as it was. */
  text: string;
  /** Relabels changed now, and those the file already held. */
  changed: Relabel[];
  already: Relabel[];
}

/**
 * Applies the relabels of one label set to its file's text. Throws naming the relabel's line when the file lacks
 * the sentence, holds a different text for it, or holds labels that are neither the old nor the new ones.
 */
export function applyRelabels(labelText: string, set: LabelSet, relabels: readonly Relabel[], relabelFile: string): Applied {
  const lines = labelText.split('\n');
  const rows = labelRows(labelText, set.file, set.header, (c) => c.length === set.width, `${set.width} tab-separated cells`);
  const byKey = new Map(rows.map((r) => [`${r.cells[0]}#${r.cells[1]}`, r]));
  const changed: Relabel[] = [];
  const already: Relabel[] = [];
  for (const relabel of relabels) {
    const at = `${relabelFile}:${relabel.line}`;
    const row = byKey.get(`${relabel.doc}#${relabel.sentence}`);
    if (row === undefined) throw new Error(`${at}: ${set.file} has no sentence ${relabel.sentence} of ${relabel.doc}`);
    if (row.cells[set.width - 1] !== relabel.text) throw new Error(`${at}: the text differs from ${set.file}:${row.line}`);
    const current = codedCells(row.cells);
    if (sameCodes(current, relabel.new)) {
      already.push(relabel);
      continue;
    }
    if (!sameCodes(current, relabel.old)) throw new Error(`${at}: ${set.file}:${row.line} holds ${codes(current)}, not the old labels ${codes(relabel.old)}`);
    const cells = [...row.cells];
    cells[2] = relabel.new.control ? '1' : '0';
    cells[3] = relabel.new.engagement ? '1' : '0';
    lines[row.line - 1] = cells.join('\t');
    changed.push(relabel);
  }
  return { text: lines.join('\n'), changed, already };
}

export const sameCodes = (a: Codes, b: Codes): boolean => a.control === b.control && a.engagement === b.engagement;

/** Two labels as the files write them: "10" is control only. */
export const codes = (c: Codes): string => `${c.control ? 1 : 0}${c.engagement ? 1 : 0}`;
