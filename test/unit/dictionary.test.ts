// LIWC and quanteda dictionaries in and out: parsing with positions, mapping, round trips both ways, bad input.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinLexicons, Engine, LexiconError, LexiconSource } from '../../src/core';
import { exportLexicons, importDictionary, parseLiwcDic, parseYamlDictionary } from '../../src/core/dictionary';
import { ROOT } from './helpers/lexicons';

const DIR = path.join(ROOT, 'test/fixtures/dictionaries');
const read = (name: string): string => fs.readFileSync(path.join(DIR, name), 'utf8');

/** term → category (or "neutral"), first occurrence wins, as the matcher keeps it. */
function termTable(lexicons: readonly LexiconSource[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const l of lexicons) for (const e of l.entries) if (!table.has(e.term.toLowerCase())) table.set(e.term.toLowerCase(), e.neutral ? 'neutral' : (e.category ?? ''));
  return table;
}

function polarities(lexicons: readonly LexiconSource[]): Map<string, string> {
  return new Map(lexicons.flatMap((l) => l.categories.map((c) => [c.id, c.polarity] as const)));
}

function assertLexiconError(fn: () => unknown, line: number, column: number, pattern: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof LexiconError, String(err));
    assert.deepEqual([err.line, err.column], [line, column], err.message);
    assert.match(err.problem, pattern);
    return true;
  });
}

describe('Foreign dictionaries', () => {
  describe('LIWC .dic', () => {
    it('reads categories, phrases, wildcards and Chinese words with their lines', () => {
      const dict = parseLiwcDic(read('policy.dic'), 'policy.dic');
      assert.deepEqual(dict.categories.map((c) => c.id), ['controlwords', 'voice', 'filler']);
      assert.deepEqual(
        dict.entries.map((e) => [e.term, e.categories, e.line]),
        [
          ['monitor*', ['controlwords'], 6],
          ['watch list', ['controlwords', 'filler'], 7],
          ['consult*', ['voice'], 8],
          ['public hearing', ['voice'], 9],
          ['监控', ['controlwords'], 10],
          ['听证', ['voice'], 11],
          ['the', ['filler'], 12],
        ],
      );
    });

    it('maps categories, reports the unmapped one, and splits the words by language', () => {
      const imported = importDictionary(read('policy.dic'), 'policy.dic', read('policy.map.yml'), 'policy.map.yml');
      assert.deepEqual(imported.unmapped, ['filler']);
      assert.deepEqual(imported.lexicons.map((l) => [l.language, l.entries.map((e) => `${e.term}:${e.category}`)]), [
        ['en', ['monitor*:controlwords', 'watch list:controlwords', 'consult*:voice', 'public hearing:voice']],
        ['zh', ['监控:controlwords', '听证:voice']],
      ]);
      const engine = new Engine(imported.lexicons);
      const tally = engine.analyze('Officers monitored the watch list. Residents were consulted at a public hearing.').tally();
      assert.equal(tally.control.matches, 2);
      assert.equal(tally.engagement.matches, 2);
      assert.equal(engine.analyze('依法召开听证会，不得擅自安装监控。').tally().engagement.matches, 1);
    });

    for (const [name, text, line, column, pattern] of [
      ['no header', 'monitor\t1\n', 1, 1, /starts with a line holding only "%"/],
      ['an unclosed header', '%\n1\tcontrol\nmonitor\t1\n', 3, 1, /malformed category line "monitor\s+1"/],
      ['a header without a close', '%\n1\tcontrol\n', 3, 1, /no closing "%"/],
      ['a category line without a number', '%\ncontrol\n%\n', 2, 1, /malformed category line "control"/],
      ['a number declared twice', '%\n1\ta\n1\tb\n%\n', 3, 1, /category number 1 is declared twice/],
      ['an unknown category id', '%\n1\tcontrol\n%\nmonitor\t1\nwatch\t1 7\n', 5, 9, /unknown category number 7/],
      ['conditional syntax', '%\n1\tcontrol\n%\nlike\t(02 134)1\n', 4, 6, /conditional categories .* not supported/],
      ['a word without categories', '%\n1\tcontrol\n%\nmonitor\n', 4, 8, /names no category/],
      ['an inner wildcard', '%\n1\tcontrol\n%\nmon*tor\t1\n', 4, 1, /unsupported pattern "mon\*tor": "\*" may only end a word/],
      ['a ? wildcard', '%\n1\tcontrol\n%\n  monit?r\t1\n', 4, 3, /no "\?"/],
      ['a duplicated word', '%\n1\tcontrol\n%\nmonitor\t1\nMonitor\t1\n', 5, 1, /listed twice \(first on line 4\)/],
      ['an empty file', '\n\n', 1, 1, /empty/],
    ] as Array<[string, string, number, number, RegExp]>) {
      it(`refuses ${name} at its line and column`, () => assertLexiconError(() => parseLiwcDic(text, 'bad.dic'), line, column, pattern));
    }
  });

  describe('quanteda YAML', () => {
    it('reads nested keys: the id is the leaf key, the path its parents; a parent key maps its children', () => {
      const dict = parseYamlDictionary(read('quanteda.yml'), 'quanteda.yml');
      assert.deepEqual(dict.categories.map((c) => [c.id, c.path.join('.'), c.line]), [
        ['coercion', 'state.coercion', 3],
        ['watching', 'state.watching', 6],
        ['voice', 'society.voice', 10],
        ['misc', 'society.misc', 13],
      ]);
      const imported = importDictionary(read('quanteda.yml'), 'quanteda.yml', read('quanteda-map.json'), 'quanteda-map.json');
      assert.deepEqual(imported.unmapped, ['society.misc']);
      assert.deepEqual([...polarities(imported.lexicons)], [['coercion', 'control'], ['watching', 'control'], ['voice', 'engagement']]);
      assert.deepEqual([...termTable(imported.lexicons)], [['detain*', 'coercion'], ['forced labour', 'coercion'], ['surveil*', 'watching'], ['petition*', 'voice'], ['监视', 'watching'], ['信访', 'voice']]);
    });

    for (const [name, text, line, column, pattern] of [
      ['an anchor', 'a: &x [monitor]\nb: [watch]\n', 1, 4, /anchors \(&x\) are not allowed/],
      ['an alias', 'a: [monitor]\nb: *x\n', 2, 4, /invalid YAML|aliases/],
      ['an anchor on a scalar', 'a:\n  - &w watch\n', 2, 5, /anchors \(&w\)/],
      ['a number as pattern', 'a:\n  - monitor\n  - 110\n', 3, 5, /patterns must be strings; quote "110"/],
      ['a boolean as pattern', 'a: [true]\n', 1, 5, /patterns must be strings/],
      ['a ? glob', 'a:\n  - wom?n\n', 2, 5, /unsupported pattern "wom\?n"/],
      ['a leading wildcard', 'a: ["*watch"]\n', 1, 5, /"\*" may only end a word/],
      ['an empty category', 'a:\nb: [x]\n', 1, 1, /category "a" needs a list of patterns/],
      ['a list at the root', '- monitor\n', 1, 1, /a YAML dictionary is a mapping/],
      ['a duplicate key', 'a: [x]\na: [y]\n', 2, 1, /invalid YAML: Map keys must be unique/],
      ['two leaves with the same id', 'x:\n  Voice: [a]\ny:\n  voice: [b]\n', 4, 3, /same id "voice" as "x.Voice" on line 2/],
    ] as Array<[string, string, number, number, RegExp]>) {
      it(`refuses ${name} at its line and column`, () => assertLexiconError(() => parseYamlDictionary(text, 'bad.yml'), line, column, pattern));
    }
  });

  describe('mappings', () => {
    const dic = '%\n1\tcontrolwords\n2\tvoice\n%\nmonitor\t1\nhearing\t2\n';
    for (const [name, map, line, column, pattern] of [
      ['a key that names no category', 'controlwords: control\nvoices: engagement\n', 2, 1, /"voices" names no category of bad\.dic \(its categories: controlwords, voice\)/],
      ['an unknown polarity', 'controlwords: positive\n', 1, 15, /must map to control, engagement or neutral, not "positive"/],
      ['an empty mapping', '{}\n', 1, 1, /names no category/],
      ['a JSON syntax error', '{ "voice": "engagement", }x\n', 1, 27, /invalid YAML/],
      ['an anchor', 'voice: &p engagement\n', 1, 8, /anchors \(&p\) are not allowed in a mapping/],
    ] as Array<[string, string, number, number, RegExp]>) {
      it(`refuses ${name} at its line and column`, () => assertLexiconError(() => importDictionary(dic, 'bad.dic', map, 'bad.map.yml'), line, column, pattern));
    }

    it('neutral categories give neutral entries that claim their words', () => {
      const imported = importDictionary('%\n1\tc\n2\tn\n%\nmonitor*\t1\nmonitor lizard\t2\n', 'x.dic', 'c: control\nn: neutral\n', 'x.map.yml');
      assert.deepEqual(imported.lexicons[0].entries, [{ term: 'monitor*', category: 'c' }, { term: 'monitor lizard', neutral: true }]);
      const tally = new Engine(imported.lexicons).analyze('A monitor lizard. Police monitor protests.').tally();
      assert.equal(tally.control.matches, 1);
    });
  });

  describe('export and round trips', () => {
    const builtins = builtinLexicons();
    for (const format of ['dic', 'yaml'] as const) {
      it(`built-in lexicons → ${format} → back: the same terms in the same categories and polarities`, () => {
        const text = exportLexicons(builtins, format, 'test');
        const back = importDictionary(text, `policy-lens.${format}`, exportLexicons(builtins, 'map', ''), 'policy-lens.map.yml');
        assert.deepEqual(back.unmapped, []);
        assert.deepEqual(termTable(back.lexicons), termTable(builtins));
        assert.deepEqual(polarities(back.lexicons), polarities(builtins));
        assert.ok(termTable(builtins).size > 2000);
        // The same words count as the same categories (weights and context rules aside; topic nouns and commands are context rules).
        const unweighted = builtins.map((l) => ({ ...l, entries: l.entries.map((e) => ({ ...e, weight: undefined, topic: undefined, command: undefined })), context: undefined }));
        const sample = fs.readFileSync(path.join(ROOT, 'media/samples/social-credit-outline.policy.txt'), 'utf8');
        const a = new Engine(unweighted).analyze(sample).tally();
        const b = new Engine(back.lexicons).analyze(sample).tally();
        assert.deepEqual(b.categories.map((c) => [c.id, c.matches]), a.categories.map((c) => [c.id, c.matches]));
        assert.ok(a.control.matches > 10);
      });
    }

    it('a LIWC dictionary → lexicons → .dic again: the same categories and words', () => {
      const original = read('policy.dic');
      const map = 'controlwords: control\nvoice: engagement\nfiller: neutral\n';
      const once = importDictionary(original, 'policy.dic', map, 'm.yml');
      const written = exportLexicons(once.lexicons, 'dic', '');
      const twice = parseLiwcDic(written, 'again.dic');
      const first = parseLiwcDic(original, 'policy.dic');
      // "filler" became "neutral" (its only word left is "the"; "watch list" counts under its first category).
      const rows = (d: typeof first, rename: (c: string) => string): string[] => d.entries.map((e) => `${e.term}:${rename(e.categories[0])}`).sort();
      assert.deepEqual(rows(twice, (c) => c), rows(first, (c) => (c === 'filler' ? 'neutral' : c)));
      assert.deepEqual(twice.categories.map((c) => c.id), ['controlwords', 'voice', 'neutral']);
    });

    it('a quanteda dictionary → lexicons → YAML again: the same keys and patterns', () => {
      const imported = importDictionary(read('quanteda.yml'), 'quanteda.yml', 'state: control\nsociety: engagement\n', 'm.yml');
      const again = parseYamlDictionary(exportLexicons(imported.lexicons, 'yaml', 'again'), 'again.yml');
      const first = parseYamlDictionary(read('quanteda.yml'), 'quanteda.yml');
      const byCategory = (d: typeof first): string[] => d.entries.map((e) => `${e.categories[0]}:${e.term}`).sort();
      assert.deepEqual(byCategory(again), byCategory(first));
    });
  });
});
