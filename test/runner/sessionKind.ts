// Which integration tests a real-host session runs. The runner sets the variable for code-server, whose
// extension host passes it on to the suite bootstrap; a host started any other way runs the trusted set.
import * as path from 'node:path';

export const sessionVariable = 'POLICY_LENS_TEST_SESSION';

/** `trusted`: workspace trust disabled (every folder trusted); `untrusted`: trust on, the workspace not trusted. */
export type SessionKind = 'trusted' | 'untrusted';

export function sessionKind(env: NodeJS.ProcessEnv): SessionKind {
  return env[sessionVariable] === 'untrusted' ? 'untrusted' : 'trusted';
}

/** Tests that need an untrusted workspace live in test/integration/untrusted/ and run only in that session. */
export function belongsTo(kind: SessionKind, testFile: string): boolean {
  const inUntrustedFolder = testFile.split(path.sep)[0] === 'untrusted';
  return inUntrustedFolder === (kind === 'untrusted');
}
