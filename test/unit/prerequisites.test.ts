// `npm test` checks the system first and reports everything missing in one message with one command.
import * as assert from 'node:assert/strict';
import { DebianPackage, ensureDebianPackages, missingPackagesMessage, runPackages, unitPackages } from '../runner/prerequisites';

const fake = (name: string, present: boolean): DebianPackage => ({ name, purpose: `${name} purpose`, present: () => present });

describe('system prerequisites of npm test', () => {
  it('names every missing package in one message with the one command that installs them all', () => {
    const message = missingPackagesMessage([fake('chromium', false), fake('fonts-noto-cjk', false)]);
    assert.match(message, /chromium: chromium purpose/);
    assert.match(message, /fonts-noto-cjk: fonts-noto-cjk purpose/);
    const commands = message.split('\n').filter((l) => l.includes('apt-get install'));
    assert.equal(commands.length, 1);
    assert.match(commands[0], /apt-get install -y --no-install-recommends chromium fonts-noto-cjk$/);
  });

  it('does nothing when everything is present', () => {
    const logged: string[] = [];
    ensureDebianPackages([fake('a', true), fake('b', true)], (l) => logged.push(l));
    assert.deepEqual(logged, []);
  });

  it('without apt-get (or root, or passwordless sudo) lists all missing packages at once and installs nothing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const logged: string[] = [];
      assert.throws(
        () => ensureDebianPackages([fake('one', false), fake('two', true), fake('three', false)], (l) => logged.push(l)),
        (error: Error) => /one: one purpose/.test(error.message) && /three: three purpose/.test(error.message) && !/two:/.test(error.message) && /install -y --no-install-recommends one three/.test(error.message),
      );
      assert.deepEqual(logged, []);
    } finally {
      process.env.PATH = path;
    }
  });

  it('checks the CJK font with every run, so Chinese screenshots show glyphs', () => {
    assert.ok(runPackages.some((p) => p.name === 'fonts-noto-cjk'));
    assert.ok(runPackages.some((p) => p.name === 'chromium'));
    assert.ok(unitPackages.some((p) => p.name === 'parallel'));
    assert.ok(unitPackages.some((p) => p.name === 'libxml2-utils'));
  });
});
