// Where the report goes: standard output (no --out, or --out -), or the --out target written atomically (see
// src/node/atomicWrite.ts), so a failed run never leaves a half-written report in place of a good one. Writes wait
// for the stream to drain, so memory does not grow when the disk or the pipe is slower than the analysis. Small
// writes are gathered into one: a corpus of small files is tens of thousands of pieces, and every write to a file or a
// pipe is a system call.
import * as fs from 'node:fs';
import type { Writable } from 'node:stream';
import { recycleChunk } from '../core/jsonBytes';
import { ReportHeader, ReportStream } from '../core/report';
import { abandonAtomic, AtomicTarget, commitAtomic, openAtomic, removeTempsOnSignals, TargetError } from '../node/atomicWrite';
import { AnalyzedDocument, outputText } from './analyze';
import type { OutputFormat } from './args';
import { describeFsError } from './inputs';
import { FatalError } from './fatalError';
import { TEXT_HEADER, TextTotals } from './textTable';
import { csvHeader } from '../core/csvReport';
import { CollectionStream } from '../core/w3cExport';
import { projectXml, RefiDocument, refiProjectName } from '../core/refiQda';
import type { Category } from '../core/types';
import { ZipLimitError, ZipWriter } from '../node/zipWriter';

/** Pieces smaller than this are copied into one block and written with it; larger ones are written as they are. */
const GATHER = 64 * 1024;
/** Bytes in shared memory are written from there from this size on, where the stream allows it (see writeDirect). */
const SHARED_DIRECT = 4 * 1024;

export class OutputSink {
  private failure: Error | null = null;
  /** Gathered pieces not written yet: `gathered` bytes of `block`. Null for a terminal, which shows each piece at once. */
  private block: Buffer | null;
  private gathered = 0;

  private constructor(
    private readonly stream: Writable,
    private readonly target: { name: string; atomic: AtomicTarget } | null,
    /** The descriptor of a stream that writes each piece before returning (see writesAtOnce), or null. */
    private readonly direct: number | null = null,
  ) {
    stream.on('error', (err: Error) => {
      this.failure = err;
    });
    this.block = (stream as { isTTY?: boolean }).isTTY ? null : Buffer.allocUnsafe(GATHER);
  }

  /** Checks that --out can be written before any work is done. */
  static open(out: string | null): OutputSink {
    if (out === null || out === '-') return new OutputSink(process.stdout, null, writesAtOnce(process.stdout) ? 1 : null);
    removeTempsOnSignals();
    try {
      const atomic = openAtomic(out);
      return new OutputSink(fs.createWriteStream('', { fd: atomic.fd }), { name: out, atomic });
    } catch (err: unknown) {
      if (err instanceof TargetError) throw new FatalError(`--out ${out}: ${err.message}`);
      const reason = (err as { code?: unknown }).code === 'ENOENT' ? 'its folder does not exist' : describeFsError(err);
      throw new FatalError(`--out ${out}: cannot write: ${reason}`);
    }
  }

  /** `written`: called once `text` is no longer read here (at once when it was copied or written before returning). */
  async write(text: string | Uint8Array, written?: () => void): Promise<void> {
    if (this.failure) throw this.writeError(this.failure);
    if (this.block === null) return this.put(text, written);
    // A string's UTF-8 is at most three bytes per UTF-16 unit: when that fits, it is encoded straight into the block.
    if (typeof text === 'string' && text.length * 3 <= GATHER - this.gathered) {
      this.gathered += this.block.write(text, this.gathered);
      written?.();
      return;
    }
    if (this.direct !== null && typeof text !== 'string' && text.buffer instanceof SharedArrayBuffer && text.length >= SHARED_DIRECT && this.stream.writableLength === 0) {
      // Another thread's bytes, in memory shared with it: written from there with what was gathered, in one system
      // call, rather than copied into the block first (a copy that missed the cache, since the other core wrote them).
      this.writeDirect(text);
      written?.();
      return;
    }
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    if (bytes.length > GATHER - this.gathered) await this.flush();
    if (bytes.length >= GATHER) return this.put(bytes, written);
    this.block.set(bytes, this.gathered);
    this.gathered += bytes.length;
    if (bytes === text) recycleChunk(text);
    written?.();
  }

  /**
   * Writes what was gathered. A stream that wrote the block at once (a file or /dev/null as standard output, usually a
   * pipe) holds nothing of it, and the block is used again; one that queued it gets it, and a new block takes its place.
   */
  private async flush(): Promise<void> {
    if (this.block === null || this.gathered === 0) return;
    const full = this.block.subarray(0, this.gathered);
    this.gathered = 0;
    const written = this.stream.write(full);
    if (this.stream.writableLength > 0) this.block = Buffer.allocUnsafe(GATHER);
    if (!written) await this.drained();
  }

  private writeDirect(piece: Uint8Array): void {
    const block = this.block as Buffer;
    let pieces: Uint8Array[] = this.gathered > 0 ? [block.subarray(0, this.gathered), piece] : [piece];
    this.gathered = 0;
    try {
      for (let left = pieces.reduce((sum, p) => sum + p.length, 0); left > 0; ) {
        const n = fs.writevSync(this.direct as number, pieces);
        left -= n;
        if (left > 0) pieces = unwritten(pieces, n);
      }
    } catch (err: unknown) {
      throw this.writeError(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private async put(piece: string | Uint8Array, written?: () => void): Promise<void> {
    if (typeof piece === 'string') {
      written?.();
      if (!this.stream.write(piece)) await this.drained();
      return;
    }
    // A report's chunk is handed back once written, for the next one to be written into (see recycleChunk): at once
    // when the stream wrote it before returning (standard output, a file or a pipe on Linux), else when it says so.
    let recycled = false;
    const recycle = (): void => {
      if (recycled) return;
      recycled = true;
      recycleChunk(piece);
      written?.();
    };
    const ok = this.stream.write(piece, recycle);
    if (this.stream.writableLength === 0) recycle();
    if (!ok) await this.drained();
  }

  /** Ends the output: the file is moved into place, or standard output is flushed. */
  async commit(): Promise<void> {
    await this.flush();
    await this.end();
    if (this.target) {
      try {
        commitAtomic(this.target.atomic);
      } catch (err: unknown) {
        throw new FatalError(`--out ${this.target.name}: cannot write: ${describeFsError(err)}`);
      }
    }
  }

  /** Ends the output and removes the temporary file, leaving any earlier --out file untouched. */
  async abandon(): Promise<void> {
    // Standard output keeps what was written before the failure, as it would have without gathering.
    if (!this.target) return this.flush().catch(() => undefined);
    try {
      await this.end();
    } finally {
      abandonAtomic(this.target.atomic);
    }
  }

  private drained(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onDrain = (): void => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (err: Error): void => {
        this.stream.off('drain', onDrain);
        reject(this.writeError(err));
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  private end(): Promise<void> {
    if (this.failure) return Promise.reject(this.writeError(this.failure));
    if (!this.target) return new Promise((resolve) => (this.stream.writableNeedDrain ? this.stream.once('drain', () => resolve()) : resolve()));
    return new Promise((resolve, reject) => {
      this.stream.once('error', (err: Error) => reject(this.writeError(err)));
      this.stream.end(() => resolve());
    });
  }

  private writeError(err: Error): FatalError {
    return new FatalError(`${this.target ? `--out ${this.target.name}` : 'standard output'}: cannot write: ${describeFsError(err)}`);
  }
}

/**
 * True when standard output is a file or a device other than a terminal: Node writes to those with a system call
 * for each write before it returns, so the sink may write to the descriptor itself between the stream's writes.
 */
function writesAtOnce(stdout: { isTTY?: boolean }): boolean {
  if (stdout.isTTY) return false;
  try {
    const stat = fs.fstatSync(1);
    return stat.isFile() || stat.isCharacterDevice();
  } catch {
    return false;
  }
}

/** The pieces past the first `n` bytes of them, for the rest of a short write. */
function unwritten(pieces: Uint8Array[], n: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  for (const p of pieces) {
    if (n >= p.length) n -= p.length;
    else {
      rest.push(p.subarray(n));
      n = 0;
    }
  }
  return rest;
}

/** Puts documents into the report format, one at a time, in the order they are given. */
export class ReportWriter {
  private count = 0;
  private readonly totals = new TextTotals();
  /** For --format w3c: the one annotation collection the documents' annotations go into. */
  private readonly collection = new CollectionStream('Policy Lens annotations');
  /** For --format qdpx: the archive, whose texts are written as they come; project.qde, which lists them, at the end. */
  private readonly zip = new ZipWriter();
  private readonly refi: RefiDocument[] = [];
  /** The JSON report stream, for the json and jsonl formats. */
  private readonly report: ReportStream | null;

  constructor(
    private readonly sink: OutputSink,
    private readonly format: OutputFormat,
    /** Made when a format needs it: its hash of the lexicons is work the text table does without. */
    private readonly header: () => ReportHeader,
    /** The categories in tally order, for the CSV header's per-category columns and the REFI-QDA codebook. */
    private readonly categories: readonly Category[] = [],
  ) {
    this.report = format === 'json' || format === 'jsonl' ? new ReportStream(header(), format) : null;
  }

  /** The text or CSV table's header. */
  private opening(): string {
    if (this.format === 'text') return TEXT_HEADER;
    if (this.format === 'csv' || this.format === 'csv-sections') return csvHeader(this.format === 'csv' ? 'documents' : 'sections', this.categories.map((c) => c.id));
    if (this.format === 'w3c') return this.collection.opening();
    return '';
  }

  get documents(): number {
    return this.count;
  }

  async document(doc: AnalyzedDocument): Promise<void> {
    if (this.report) await this.sink.write(this.report.next());
    else if (this.count === 0) await this.sink.write(this.opening());
    const release = doc.release;
    if (this.format === 'w3c' || this.format === 'qdpx') {
      const text = outputText(doc.output);
      if (release) for (const chunk of doc.output) release(chunk);
      if (this.format === 'w3c') await this.sink.write(this.collection.document(doc.figures.source, text));
      else await this.refiDocument(JSON.parse(text) as RefiDocument);
    } else for (const chunk of doc.output) await this.sink.write(chunk, release && (() => release(chunk)));
    this.totals.add(doc.figures);
    this.count++;
  }

  /** A report that lists no document: for a shard of a corpus that holds none of it. */
  async finishEmpty(): Promise<void> {
    if (this.format === 'text') return;
    if (this.format === 'w3c') await this.sink.write(this.collection.opening() + this.collection.closing());
    else if (this.format === 'qdpx') await this.finishProject();
    else await this.sink.write(this.report ? this.report.end() : this.opening());
  }

  /** Nothing is written when no document was: the run fails and an empty report would only mislead. */
  async finish(): Promise<void> {
    if (this.count === 0) return;
    if (this.format === 'text') await this.sink.write(this.totals.footer());
    else if (this.report) await this.sink.write(this.report.end());
    else if (this.format === 'w3c') await this.sink.write(this.collection.closing());
    else if (this.format === 'qdpx') await this.finishProject();
  }

  /** Its text goes into the archive now; its XML waits for project.qde. */
  private async refiDocument(d: RefiDocument): Promise<void> {
    await this.sink.write(this.zipped(() => this.zip.entry(`sources/${d.guid}.txt`, d.text)));
    this.refi.push({ ...d, text: '' });
  }

  private async finishProject(): Promise<void> {
    const header = this.header();
    const software = `${header.generator.name} ${header.generator.version}`;
    const xml = projectXml(refiProjectName(header.lexicon), software, this.categories, this.refi, header.timestamp);
    await this.sink.write(this.zipped(() => this.zip.entry('project.qde', xml)));
    await this.sink.write(this.zipped(() => this.zip.finish()));
  }

  private zipped(body: () => Buffer): Buffer {
    try {
      return body();
    } catch (err: unknown) {
      if (err instanceof ZipLimitError) throw new FatalError(`--format qdpx: ${err.message}; split the corpus (--shard K/N)`);
      throw err;
    }
  }
}
