// Writes a report to a target without ever leaving a half-written file there: local files are streamed to a
// temporary file beside the target and renamed over it at the end; other file systems get one write.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';

export class ReportWriter {
  private handle: fs.FileHandle | undefined;
  private readonly chunks: string[] = [];
  private readonly temp: string | undefined;

  private constructor(
    private readonly target: vscode.Uri,
    handle: fs.FileHandle | undefined,
    temp: string | undefined,
  ) {
    this.handle = handle;
    this.temp = temp;
  }

  /** Opens the temporary file; fails at once (before any analysis) when the folder is not writable. */
  static async open(target: vscode.Uri): Promise<ReportWriter> {
    if (target.scheme !== 'file') return new ReportWriter(target, undefined, undefined);
    const temp = `${target.fsPath}.${process.pid}.${Date.now()}.tmp`;
    return new ReportWriter(target, await fs.open(temp, 'wx'), temp);
  }

  async write(chunk: string): Promise<void> {
    if (this.handle) await this.handle.write(chunk);
    else this.chunks.push(chunk);
  }

  /** Puts the report in place of the target. */
  async commit(): Promise<void> {
    if (this.handle && this.temp) {
      await this.handle.close();
      this.handle = undefined;
      await fs.rename(this.temp, this.target.fsPath);
      return;
    }
    await vscode.workspace.fs.writeFile(this.target, new TextEncoder().encode(this.chunks.join('')));
  }

  /** Removes the temporary file; the target is untouched. */
  async abort(): Promise<void> {
    if (this.handle) {
      await this.handle.close().catch(() => undefined);
      this.handle = undefined;
    }
    if (this.temp) await fs.unlink(this.temp).catch(() => undefined);
  }
}

/** Writes a whole report at once, through the same temporary-file path. */
export async function writeReport(target: vscode.Uri, text: string): Promise<void> {
  const writer = await ReportWriter.open(target);
  try {
    await writer.write(text);
    await writer.commit();
  } catch (err) {
    await writer.abort();
    throw err;
  }
}
