// The real-host sessions of an integration run: the whole suite in a trusted workspace, then the few tests
// that need workspace trust turned on and the workspace not trusted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';
import type { SessionOptions } from './session';
import type { SessionKind } from './sessionKind';

export interface SessionPlan {
  readonly kind: SessionKind;
  /** One line for the run's output: how the host is set up and which tests run. */
  readonly description: string;
  readonly options: Pick<SessionOptions, 'workspaceTrust' | 'settings' | 'prepare'>;
}

/** Copied into the untrusted session's workspace: a lexicon with a term the built-ins lack, and a text using it. */
const untrustedFixtures = path.join(repoRoot, 'test', 'fixtures', 'untrusted');

export const sessionPlans: readonly SessionPlan[] = [
  {
    kind: 'trusted',
    description: 'workspace trust disabled; every test except test/integration/untrusted/',
    options: {},
  },
  {
    kind: 'untrusted',
    description: 'workspace trust on and the workspace not trusted (Restricted Mode); test/integration/untrusted/ only',
    options: {
      workspaceTrust: true,
      settings: {
        'security.workspace.trust.enabled': true,
        // The folder opens in Restricted Mode with no modal prompt and no banner in the way.
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'never',
        'security.workspace.trust.untrustedFiles': 'open',
        // A user setting: VS Code itself withholds restricted settings of an untrusted workspace's own settings
        // (the fixture's .vscode/settings.json), so only a user-level value reaches the extension, which must then
        // decline to load it.
        'policyLens.lexiconFiles': ['extra.lexicon.json'],
      },
      prepare: (_folders, workspace) => fs.cpSync(untrustedFixtures, workspace, { recursive: true }),
    },
  },
];
