// What someone who opens the project meets: dependencies that run on the Node the README names, and F5 that
// needs no third-party extension.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/** Whether a package's `engines.node` range admits Node `major` (the forms npm packages use: >=, ^, ~, x, ||). */
export function admitsNode(range: string, major: number): boolean {
  return range.split('||').some((alternative) => {
    const parts = alternative.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0 || parts.includes('*')) return true;
    return parts.every((part) => {
      const m = /^(>=|>|<=|<|\^|~|=)?v?(\d+)/.exec(part);
      if (!m) return true;
      const n = Number(m[2]);
      switch (m[1]) {
        case '>=': return major >= n;
        case '>': return major >= n; // >20.1 admits a later 20.x
        case '<=': return major <= n;
        case '<': return major < n;
        default: return major === n;
      }
    });
  });
}

describe('the project on Node 20', () => {
  const manifest = readJson('package.json') as { engines: { node: string; vscode: string }; dependencies: Record<string, string>; devDependencies: Record<string, string> };

  it('asks for Node 20, as the README says, and for the VS Code the tests run (1.100)', () => {
    assert.equal(manifest.engines.node, '>=20');
    assert.match(manifest.engines.vscode, /^\^1\.100\./);
  });

  it('depends only on packages whose engines admit Node 20 (@vscode/test-electron 3 wants 22)', () => {
    const refusing: string[] = [];
    for (const name of [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]) {
      const installed = readJson(`node_modules/${name}/package.json`) as { version: string; engines?: { node?: string } };
      const range = installed.engines?.node;
      if (range && !admitsNode(range, 20)) refusing.push(`${name}@${installed.version}: node ${range}`);
    }
    assert.deepEqual(refusing, []);
  });

  it('reads engine ranges as npm does (the checker itself)', () => {
    assert.ok(admitsNode('>=16', 20));
    assert.ok(admitsNode('>= 14.6', 20));
    assert.ok(!admitsNode('>=22', 20));
    assert.ok(admitsNode('^18.17.0 || >=20.5.0', 20));
    assert.ok(!admitsNode('^22 || ^24', 20));
  });
});

describe('F5 on a fresh VS Code', () => {
  const builtInMatchers = new Set(['$tsc', '$tsc-watch', '$eslint-compact', '$eslint-stylish', '$jshint', '$jshint-stylish', '$msCompile', '$lessCompile', '$gulp-tsc', '$node-sass', '$go']);

  it('uses only problem matchers VS Code itself has, or those of a recommended extension', () => {
    const tasks = readJson('.vscode/tasks.json') as { tasks: { problemMatcher?: string | unknown[] }[] };
    const recommended = fs.existsSync(path.join(root, '.vscode/extensions.json'))
      ? ((readJson('.vscode/extensions.json') as { recommendations?: string[] }).recommendations ?? [])
      : [];
    const named = tasks.tasks.flatMap((t) => (t.problemMatcher === undefined ? [] : [t.problemMatcher].flat())).filter((m): m is string => typeof m === 'string');
    const unknown = named.filter((m) => !builtInMatchers.has(m));
    assert.deepEqual(recommended.length > 0 ? [] : unknown, [], `matchers ${unknown.join(', ')} come from extensions nothing recommends`);
  });

  it('launches the extension after the build task', () => {
    const launch = readJson('.vscode/launch.json') as { configurations: { type: string; preLaunchTask?: string }[] };
    const tasks = readJson('.vscode/tasks.json') as { tasks: { label: string }[] };
    const config = launch.configurations.find((c) => c.type === 'extensionHost');
    assert.ok(config?.preLaunchTask);
    assert.ok(tasks.tasks.some((t) => t.label === config.preLaunchTask));
  });
});
