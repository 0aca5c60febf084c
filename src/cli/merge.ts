// `policy-lens merge A.jsonl B.jsonl …`: the JSON Lines reports of the shards of one corpus → one report, the same
// bytes a single run over the whole corpus writes (when its inputs were in path order, as a folder's always are).
// Shards are read line by line and merged by path, so memory does not grow with the corpus.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ReportDocument, ReportHeader, ReportStream, ReportStyle } from '../core/report';
import { compareSegments } from '../core/pathOrder';
import { csvHeader, csvRows, CsvRows } from '../core/csvReport';
import { UsageError } from './args';
import { FatalError } from './fatalError';
import { describeFsError } from './inputs';
import { OutputSink } from './output';
import { normalizedSource } from './shard';

const MERGE_HELP = `Usage: policy-lens merge [options] SHARD.jsonl...

Puts the JSON Lines reports of the parts of one corpus (policy-lens --jsonl --shard K/N ...) back together, in path
order: the same bytes as one run over the whole corpus. Refuses shards made by different versions or with different
lexicons (lexicon.sha256), a truncated shard (a run that did not finish), and a document found twice.

Options:
  -f, --format FORMAT       json (default), jsonl or csv (one row per document, as --format csv)
      --csv-rows ROWS       documents (default) or sections: one CSV row per section, with level and parent
  -o, --out FILE            write to FILE instead of standard output
`;

/** A JSON style, or CSV with one row per document or per section. */
type MergeFormat = ReportStyle | { csv: CsvRows };
const STYLES = ['json', 'jsonl', 'csv'] as const;
const CSV_ROWS: readonly CsvRows[] = ['documents', 'sections'];

export async function mergeCommand(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err: unknown) {
    throw new UsageError(`merge: ${err instanceof Error ? err.message.split(/\. (?=[A-Z])/)[0] : String(err)}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(MERGE_HELP);
    return 0;
  }
  const style = STYLES.find((s) => s === (values.format ?? 'json'));
  if (style === undefined) throw new UsageError(`merge: --format must be json, jsonl or csv, not "${values.format}"`);
  const rows = CSV_ROWS.find((r) => r === (values['csv-rows'] ?? 'documents'));
  if (rows === undefined) throw new UsageError(`merge: --csv-rows must be documents or sections, not "${values['csv-rows']}"`);
  if (values['csv-rows'] !== undefined && style !== 'csv') throw new UsageError('merge: --csv-rows needs --format csv');
  const format: MergeFormat = style === 'csv' ? { csv: rows } : style;
  if (positionals.length === 0) throw new UsageError('merge: name the shard reports (JSON Lines, from --jsonl --shard K/N)');
  // A first pass checks every shard (headers, JSON, order, duplicates, truncation) so that a refused merge writes
  // nothing, even to standard output; the second writes.
  const header = await withShards(positionals, async (shards) => {
    const common = commonHeader(shards);
    await writeMerged(shards, common, format, null);
    return common;
  });
  const sink = OutputSink.open(values.out ?? null);
  try {
    await withShards(positionals, (shards) => writeMerged(shards, header, format, sink));
  } catch (err: unknown) {
    await sink.abandon();
    throw err;
  }
  await sink.commit();
  return 0;
}

async function withShards<T>(files: string[], body: (shards: ShardReader[]) => Promise<T>): Promise<T> {
  const shards: ShardReader[] = [];
  try {
    for (const file of files) shards.push(new ShardReader(file));
    return await body(shards);
  } finally {
    for (const s of shards) s.close();
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      'csv-rows': { type: 'string' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** The header every shard shares (without a timestamp: the merged report is not one run); refuses a mismatch. */
function commonHeader(shards: ShardReader[]): ReportHeader {
  const first = shards[0];
  const describe = (h: ReportHeader): string => `${h.generator.name} ${h.generator.version}, format ${h.format} version ${h.version}`;
  for (const shard of shards) {
    const h = shard.header;
    if (h.format !== first.header.format || h.version !== first.header.version || h.generator.version !== first.header.generator.version || h.generator.name !== first.header.generator.name) {
      throw new FatalError(`${shard.file}: made by ${describe(h)}, but ${first.file} by ${describe(first.header)}: run every shard with the same version`);
    }
    if (h.lexicon.sha256 !== first.header.lexicon.sha256) {
      throw new FatalError(
        `${shard.file}: made with other lexicons (${h.lexicon.name} ${h.lexicon.version}, sha256 ${h.lexicon.sha256.slice(0, 12)}…) than ${first.file} (${first.header.lexicon.name} ${first.header.lexicon.version}, sha256 ${first.header.lexicon.sha256.slice(0, 12)}…): run every shard with the same lexicons`,
      );
    }
  }
  const { timestamp: _ignored, ...header } = first.header;
  return header;
}

/** Merges by path; with no sink, only reads and checks. */
async function writeMerged(shards: ShardReader[], header: ReportHeader, style: MergeFormat, sink: OutputSink | null): Promise<void> {
  const report = typeof style === 'string' ? new ReportStream(header, style) : null;
  let count = 0;
  let previous: { key: string[]; where: string } | null = null;
  for (;;) {
    let best: ShardReader | null = null;
    for (const s of shards) if (s.current && (best === null || compareSegments(s.current.key, best.current!.key) < 0)) best = s;
    if (best === null || best.current === null) break;
    const doc = best.current;
    if (previous && compareSegments(previous.key, doc.key) === 0) {
      throw new FatalError(`${doc.source}: the document is in the shards twice (${previous.where} and ${best.file}:${doc.line}): each file belongs to one shard`);
    }
    previous = { key: doc.key, where: `${best.file}:${doc.line}` };
    if (sink === null) {
      // Checking only: the document was parsed when read.
    } else if (typeof style !== 'string') {
      const { annotations: _annotations, ...summary } = JSON.parse(doc.text) as ReportDocument;
      if (count === 0) await sink.write(csvHeader(style.csv, summary.categories.map((c) => c.id)));
      await sink.write(csvRows(style.csv, summary));
    } else if (report?.style === 'jsonl') await sink.write(report.next() + doc.text + '\n');
    else if (report) {
      const { annotations, ...summary } = JSON.parse(doc.text) as ReportDocument;
      for (const chunk of report.document(summary, annotations)) await sink.write(chunk);
    }
    count++;
    best.advance();
  }
  if (report) await sink?.write(report.end());
  else if (typeof style !== 'string' && count === 0) await sink?.write(csvHeader(style.csv, []));
}

interface ShardDocument {
  text: string;
  source: string;
  key: string[];
  line: number;
}

/** One shard report, read a line at a time. */
class ShardReader {
  readonly header: ReportHeader;
  current: ShardDocument | null = null;
  private readonly fd: number;
  private readonly buffer = Buffer.alloc(1 << 16);
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private pending = '';
  private lines: string[] = [];
  private lineNumber = 0;
  private ended = false;

  constructor(readonly file: string) {
    try {
      this.fd = fs.openSync(file, 'r');
    } catch (err: unknown) {
      throw new FatalError(`${file}: cannot read: ${describeFsError(err)}`);
    }
    const first = this.nextLine();
    if (first === null) throw new FatalError(`${file}: empty: not a shard report (policy-lens --jsonl --shard K/N)`);
    const header = this.json(first) as Partial<ReportHeader> & { documents?: unknown };
    if (header.format !== 'policy-lens.tally' || typeof header.version !== 'number' || !header.lexicon || !header.generator || 'documents' in header) {
      throw new FatalError(`${file}:1: not the header of a JSON Lines tally report (policy-lens --jsonl): merge reads --jsonl output`);
    }
    this.header = header as ReportHeader;
    this.advance();
  }

  advance(): void {
    const text = this.nextLine();
    if (text === null) {
      this.current = null;
      return;
    }
    const parsed = this.json(text) as { source?: unknown };
    if (typeof parsed.source !== 'string') throw new FatalError(`${this.file}:${this.lineNumber}: not a document of a tally report (no "source")`);
    const key = normalizedSource(parsed.source).split('/');
    if (this.current && compareSegments(key, this.current.key) < 0) {
      throw new FatalError(`${this.file}:${this.lineNumber}: ${parsed.source} comes before ${this.current.source}, out of path order: give each shard its inputs in sorted order (sort the --files-from list)`);
    }
    this.current = { text, source: parsed.source, key, line: this.lineNumber };
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private json(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw new FatalError(`${this.file}:${this.lineNumber}: not valid JSON: the shard is damaged or was written by something else`);
    }
  }

  /** The next line without its newline; null at the end. A last line without a newline is a truncated report. */
  private nextLine(): string | null {
    while (this.lines.length === 0) {
      if (this.ended) return null;
      const n = fs.readSync(this.fd, this.buffer, 0, this.buffer.length, null);
      let chunk: string;
      try {
        chunk = n === 0 ? this.decoder.decode() : this.decoder.decode(this.buffer.subarray(0, n), { stream: true });
      } catch {
        throw new FatalError(`${this.file}: not UTF-8 text: not a shard report`);
      }
      const parts = (this.pending + chunk).split('\n');
      this.pending = parts.pop() ?? '';
      this.lines = parts;
      if (n === 0) {
        this.ended = true;
        if (this.pending !== '') {
          throw new FatalError(`${this.file}:${this.lineNumber + this.lines.length + 1}: truncated: the last line does not end (the run that wrote this shard did not finish)`);
        }
      }
    }
    this.lineNumber++;
    return this.lines.shift() ?? null;
  }
}
