// The built-in lexicons' version names their content: every content change needs a new version, recorded
// in lexiconVersions.json with the hash of the content it names, so a report's lexicon.version says exactly
// which entries and rules produced it.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { builtinLexicons, LexiconSource } from '../../src/core/index';
import { repoFile } from './helpers/lexicons';

/** SHA-256 of everything in a lexicon but its version. */
function contentHash(lexicon: LexiconSource): string {
  const { version: _version, ...content } = lexicon;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

describe('lexicon versions', () => {
  const record = JSON.parse(repoFile('test/unit/lexiconVersions.json')) as Record<string, Record<string, string>>;

  for (const lexicon of builtinLexicons()) {
    it(`${lexicon.name}: version ${lexicon.version} names this content`, () => {
      const versions = record[lexicon.name] ?? {};
      const hash = contentHash(lexicon);
      const recorded = versions[lexicon.version];
      assert.ok(recorded !== undefined, `version ${lexicon.version} is not recorded: add "${lexicon.version}": "${hash}" under "${lexicon.name}" in test/unit/lexiconVersions.json`);
      assert.equal(hash, recorded, `the content of ${lexicon.name} changed but its version did not: give it a new version and record "<new version>": "${hash}" in test/unit/lexiconVersions.json`);
    });

    it(`${lexicon.name}: no two versions name the same content`, () => {
      const hashes = Object.values(record[lexicon.name] ?? {});
      assert.equal(new Set(hashes).size, hashes.length);
    });
  }
});
