// Writes a report to a target without ever leaving a half-written file there: local files go through the one
// atomic writer the CLI's --out uses (src/node/atomicWrite.ts: exclusive temporary file, links followed to the file
// they name, devices written through, mode kept); other file systems get one write.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { abandonAtomic, AtomicTarget, commitAtomic, openAtomic } from '../node/atomicWrite';

export class ReportWriter {
  private open: boolean;
  private readonly chunks: Uint8Array[] = [];

  private constructor(
    private readonly target: vscode.Uri,
    private readonly atomic: AtomicTarget | undefined,
  ) {
    this.open = atomic !== undefined;
  }

  /** Opens the temporary file; fails at once (before any analysis) when the folder is not writable. */
  static async open(target: vscode.Uri): Promise<ReportWriter> {
    if (target.scheme !== 'file') return new ReportWriter(target, undefined);
    return new ReportWriter(target, openAtomic(target.fsPath));
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (this.atomic && this.open) await writeAll(this.atomic.fd, bytes);
    else this.chunks.push(bytes);
  }

  /** Puts the report in place of the target. */
  async commit(): Promise<void> {
    if (this.atomic) {
      await this.close();
      commitAtomic(this.atomic);
      return;
    }
    await vscode.workspace.fs.writeFile(this.target, Buffer.concat(this.chunks));
  }

  /** Removes the temporary file; the target is untouched. */
  async abort(): Promise<void> {
    if (!this.atomic) return;
    await this.close().catch(() => undefined);
    abandonAtomic(this.atomic);
  }

  private close(): Promise<void> {
    if (!this.atomic || !this.open) return Promise.resolve();
    this.open = false;
    const fd = this.atomic.fd;
    return new Promise((resolve, reject) => fs.close(fd, (err) => (err ? reject(err) : resolve())));
  }
}

/** Writes every byte: a single write may take only part of a large buffer. */
async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    done += await new Promise<number>((resolve, reject) => fs.write(fd, bytes, done, bytes.length - done, null, (err, written) => (err ? reject(err) : resolve(written))));
  }
}

/** Writes a whole report at once, through the same temporary-file path. */
export async function writeReport(target: vscode.Uri, text: string | Uint8Array): Promise<void> {
  const writer = await ReportWriter.open(target);
  try {
    await writer.write(text);
    await writer.commit();
  } catch (err) {
    await writer.abort();
    throw err;
  }
}
