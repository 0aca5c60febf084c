// Peers timed on the same dense policy text as full analysis, in turn within each repetition: `ahocorasick`
// counting the lexicon's surface forms (English and Chinese), and `@node-rs/jieba` segmenting Chinese and
// looking each word up in the lexicon. They do less than the analysis (no stems, cues, sentences, sections or
// tally), so full analysis is held to a lead over the faster of them, not to parity.
import * as fs from 'node:fs';
import * as path from 'node:path';
import AhoCorasick = require('ahocorasick');
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { Engine } from '../../src/core';
import { builtinLexicons } from '../../src/core';
import type { Language } from '../../src/core/types';

const ROOT = path.resolve(__dirname, '../..');

/** The bundled sample of a language and the development sentences in it, repeated to `bytes`. */
export function denseText(language: Language, bytes: number): string {
  const sample = fs.readFileSync(path.join(ROOT, 'media/samples', language === 'en' ? 'social-credit-outline.policy.txt' : 'social-credit-outline.zh.policy.txt'), 'utf8');
  const devset = path.join(ROOT, 'test/devset');
  const sentences = fs
    .readdirSync(devset)
    .filter((f) => f.startsWith(`${language}.`) && f.endsWith('.tsv'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(devset, f), 'utf8').split('\n').slice(1))
    .map((line) => line.split('\t').pop() ?? '')
    .filter((s) => s.length > 0);
  const unit = `${sample}\n\n${sentences.join('\n')}\n\n`;
  const copies = Math.max(1, Math.round(bytes / Buffer.byteLength(unit, 'utf8')));
  return unit.repeat(copies);
}

/** The lexicon's terms in one language, lower-cased, wildcards dropped: what a plain multi-pattern search looks for. */
export function surfaceForms(language: Language): string[] {
  const terms = builtinLexicons()
    .filter((l) => l.language === language)
    .flatMap((l) => l.entries.map((e) => e.term.toLowerCase().replace(/\*/g, '')))
    .filter((t) => t.length > 0);
  return [...new Set(terms)];
}

export interface Peer {
  name: string;
  run(text: string): number;
}

export function peersFor(language: Language): Peer[] {
  const forms = surfaceForms(language);
  const aho = new AhoCorasick(forms);
  const peers: Peer[] = [
    {
      // Lower-cased beforehand for the English text: the peer gets the easier input.
      name: 'ahocorasick counting surface forms',
      run: (text) => aho.search(text).reduce((sum, [, found]) => sum + found.length, 0),
    },
  ];
  if (language === 'zh') {
    const jieba = Jieba.withDict(dict);
    const known = new Set(forms);
    peers.push({
      name: '@node-rs/jieba segmentation + lookup',
      run: (text) => {
        let hits = 0;
        for (const word of jieba.cut(text, false)) if (known.has(word)) hits++;
        return hits;
      },
    });
  }
  return peers;
}

/** Full analysis as the bench's throughput rows time it: the analysis, its tally, and the first screen's annotations. */
export function analyse(engine: Engine, text: string, screen: number): number {
  const a = engine.analyze(text);
  return a.tally().words + a.matchesInRange(0, screen).length;
}
