import * as path from 'node:path';

/** The repository root: every runner script is bundled into out/test/runner/. */
export const repoRoot: string = path.resolve(__dirname, '..', '..', '..');

/** The compiled extension entry, the suite bootstrap and the fixture workspace the host opens. */
export const extensionBundle: string = path.join(repoRoot, 'dist', 'extension.js');
export const suiteBootstrap: string = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
/** The real-host runner's bench mode loads this instead of the suite (test/hostBench). */
export const benchBootstrap: string = path.join(repoRoot, 'out', 'test', 'hostBench', 'index.js');
export const fixtureWorkspace: string = path.join(repoRoot, 'test', 'fixtures', 'workspace');

/** The id `publisher.name` under which VS Code knows the extension. */
export const extensionId = 'policy-lens.policy-lens';
