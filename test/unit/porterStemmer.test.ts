// Our Porter stemmer (src/core/porterStemmer.ts) against natural's, which it replaces for speed: equal on every word of
// the built-in lexicons and the test corpus, on every rule's suffix after many stems, and on random letter strings.
/// <reference path="./helpers/natural.d.ts" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer');
import { builtinLexicons } from '../../src/core';
import { porterStem } from '../../src/core/porterStemmer';
import { Random } from './helpers/random';

const ROOT = path.resolve(__dirname, '../../..');

/** Every suffix a rule of the algorithm looks at, and some it must leave alone. */
const SUFFIXES = [
  'sses', 'ies', 'ss', 's', 'eed', 'ed', 'ing', 'at', 'bl', 'iz', 'y', 'ational', 'tional', 'enci', 'anci', 'izer', 'abli', 'bli', 'alli', 'entli', 'eli',
  'ousli', 'ization', 'ation', 'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti', 'biliti', 'logi', 'icate', 'ative', 'alize', 'iciti', 'ical',
  'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'sion', 'tion',
  'ion', 'e', 'll', 'l', 'ying', 'yed', 'ies', 'eds', 'ings', 'ments', 'nesses', 'izations', 'fully', 'ably', 'ly', '',
];
const STEMS = ['', 'a', 'y', 'by', 'cr', 'hop', 'hopp', 'fil', 'tann', 'fizz', 'fail', 'ski', 'agr', 'relat', 'condit', 'valen', 'digit', 'conform', 'radic', 'differ',
  'vietnam', 'predic', 'triplic', 'form', 'electr', 'hope', 'goodn', 'rev', 'allow', 'inf', 'adjust', 'depend', 'adopt', 'homolog', 'commun', 'activ', 'bowdler',
  'gener', 'control', 'roll', 'feed', 'bled', 'sing', 'monitor', 'punish', 'sanction', 'surveil', 'consult', 'xyz', 'yyy', 'aeiou', 'queu', 'sky', 'toy', 'boy', 'sayy'];

function naturalStem(word: string): string {
  return PorterStemmer.stem(word);
}

function differences(words: Iterable<string>): string[] {
  const wrong: string[] = [];
  for (const w of words) {
    const ours = porterStem(w);
    const theirs = naturalStem(w);
    if (ours !== theirs) wrong.push(`${w}: ${ours} (natural: ${theirs})`);
  }
  return wrong;
}

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
}

describe('Porter stemmer', () => {
  it('equals natural on every word of the built-in lexicons and the English test corpus', () => {
    const words = new Set<string>();
    for (const lexicon of builtinLexicons()) {
      for (const e of lexicon.entries) for (const w of wordsOf(e.term)) words.add(w);
      for (const c of [...(lexicon.context?.before ?? []), ...(lexicon.context?.after ?? [])]) for (const w of wordsOf(c.cue)) words.add(w);
    }
    const corpus = path.join(ROOT, 'test/corpus/en');
    for (const name of fs.readdirSync(corpus, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(corpus, name);
      if (fs.statSync(file).isFile()) for (const w of wordsOf(fs.readFileSync(file, 'utf8'))) words.add(w);
    }
    assert.ok(words.size > 2000, `${words.size} words`);
    assert.deepEqual(differences(words), []);
  });

  it('equals natural on every stem and suffix combination, upper case and short words included', () => {
    const words: string[] = [];
    for (const s of STEMS) for (const x of SUFFIXES) words.push(s + x, (s + x).toUpperCase(), s + x + x);
    assert.deepEqual(differences(words), []);
  });

  it('equals natural on random letter strings', () => {
    const r = new Random(19);
    const letters = 'aeiouyybcdlmnrsstttwxz';
    const words: string[] = [];
    for (let k = 0; k < 40_000; k++) {
      let w = Array.from({ length: 1 + r.int(9) }, () => letters[r.int(letters.length)]).join('');
      if (r.int(2) === 0) w += r.pick(SUFFIXES);
      words.push(w);
    }
    assert.deepEqual(differences(words), []);
  });
});
