import * as fs from 'node:fs';

type Disposer = () => Promise<void> | void;

/**
 * Everything a run must undo, undone once in reverse order: on success, on failure, on timeout and on
 * SIGINT/SIGTERM. Process groups and temp folders also get a synchronous last resort at process exit,
 * so even a crash of the runner leaves no code-server or extension host behind.
 */
export class Cleanup {
  private readonly disposers: Disposer[] = [];
  private readonly groups = new Set<number>();
  private readonly folders = new Set<string>();
  private running: Promise<void> | undefined;
  private signalled = false;

  constructor() {
    process.on('exit', () => this.disposeSync());
  }

  add(disposer: Disposer): void {
    this.disposers.push(disposer);
  }

  /** A detached child's process group, killed with SIGKILL at exit if still alive. */
  trackGroup(pid: number): void {
    this.groups.add(pid);
  }

  untrackGroup(pid: number): void {
    this.groups.delete(pid);
  }

  /** A temp folder removed last. */
  trackFolder(folder: string): void {
    this.folders.add(folder);
  }

  /** Runs every disposer once, newest first; later calls wait for the first. */
  dispose(): Promise<void> {
    this.running ??= (async () => {
      for (const disposer of this.disposers.reverse()) {
        try {
          await disposer();
        } catch (err) {
          console.error(`cleanup: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      this.disposeSync();
    })();
    return this.running;
  }

  /** True once SIGINT or SIGTERM arrived: errors from the interrupted work are then expected. */
  get interrupted(): boolean {
    return this.signalled;
  }

  /** On SIGINT/SIGTERM: clean up, then exit with the conventional 128 + signal number. */
  exitOnSignals(): void {
    const handle = (signal: NodeJS.Signals, code: number): void => {
      this.signalled = true;
      console.error(`\nReceived ${signal}; stopping the test host.`);
      void this.dispose().finally(() => process.exit(code));
    };
    process.once('SIGINT', () => handle('SIGINT', 130));
    process.once('SIGTERM', () => handle('SIGTERM', 143));
  }

  private disposeSync(): void {
    for (const pid of this.groups) killGroup(pid, 'SIGKILL');
    this.groups.clear();
    for (const folder of this.folders) fs.rmSync(folder, { recursive: true, force: true });
    this.folders.clear();
  }
}

/** Signals a whole process group; false once the group no longer exists. */
export function killGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
