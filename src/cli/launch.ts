// The policy-lens command's entry (dist/cli.js): runs the CLI's bundle (dist/cliMain.js) with its code cache.
// First, so that the heap settings hold before any other module allocates, and because V8 accepts a code cache only
// under the flags it was made with: the bundle sets the same ones again, which leaves them as they are.
import './heapSettings';
import * as path from 'node:path';
import { runBundle } from './codeCache';
import { watchStderr } from './stderrUse';

watchStderr();
runBundle(path.join(__dirname, 'cliMain.js'), path.join(__dirname, 'cliMain.cache'), require);
