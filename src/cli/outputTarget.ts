// --out must never replace an input: not a file being analysed, not a lexicon, and not a file inside an input
// folder that the next run would read as a document.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { destinationOf } from '../node/atomicWrite';
import { FatalError } from './fatalError';
import { isWalkedName } from './inputs';
import { nameOfBytes } from './printable';

/** Throws a FatalError naming the input that `out` would overwrite or join. */
export function refuseOverwritingInputs(out: string, paths: ReadonlyArray<string | Buffer>, lexicons: readonly string[]): void {
  const destination = destinationOf(out);
  if (destination === null) return;
  for (const input of [...paths.filter((p) => p !== '-'), ...lexicons]) {
    let real: string;
    try {
      real = fs.realpathSync(input, 'utf8');
    } catch {
      continue; // A missing input is reported on its own.
    }
    const name = typeof input === 'string' ? input : nameOfBytes(input);
    if (real === destination) throw new FatalError(`--out ${out}: is also an input (${name}); refusing to overwrite it`);
    if ((typeof input !== 'string' || !lexicons.includes(input)) && fs.statSync(input).isDirectory()) {
      const relative = path.relative(real, destination);
      if (!relative.startsWith('..') && !path.isAbsolute(relative) && isWalkedName(relative)) {
        throw new FatalError(`--out ${out}: is inside the input folder ${name}, so the report would be read as a document; write it elsewhere`);
      }
    }
  }
}
