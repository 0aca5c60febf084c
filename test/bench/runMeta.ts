// Where and when a bench run was measured. `npm run bench -- --json` prints it as its first line, so that a page made
// later from the saved output (`doc.js --from`) names the run's commit, time and load, not those of the moment it was made.
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface RunMeta {
  commit: string;
  /** When the run started, as `YYYY-MM-DD HH:MM UTC`. */
  date: string;
  node: string;
  cores: number;
  /** The 1, 5 and 15 minute load averages when the run started. */
  load: string;
  /** The bench options of the run. */
  args: string[];
}

/** This process's run: its commit, the time and the load now. */
export function runMeta(args: string[]): RunMeta {
  return {
    commit: git(['rev-parse', '--short', 'HEAD']),
    date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    node: process.version,
    cores: os.availableParallelism(),
    load: os.loadavg().map((l) => l.toFixed(1)).join(', '),
    args,
  };
}

/** The run's line of a saved `--json` output, or null when it has none (output saved before the line existed). */
export function savedMeta(lines: readonly string[]): RunMeta | null {
  for (const line of lines) {
    if (!line.startsWith('{"meta"')) continue;
    return (JSON.parse(line) as { meta: RunMeta }).meta;
  }
  return null;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
