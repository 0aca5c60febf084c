// The automaton that finds every lexicon path ending at a token, against a direct walk of the trie from every
// start, over random token sequences: words that fill one slot or several, and caches started over midway.
import * as assert from 'node:assert/strict';
import { NO_PATH, PathAutomaton, START_SYMBOLS, TRANSITION_SLOTS } from '../../src/core/pathAutomaton';
import { SlotTrie } from '../../src/core/slotTrie';
import { Random } from './helpers/random';

const SLOTS = 6;
/** Symbols beyond the slots stand for several slots, as a word of a stemmed family that also starts a wildcard does. */
const SETS: readonly number[][] = [
  [1, 3],
  [0, 2, 4],
];
const PATHS: readonly [number[], number][] = [
  [[0, 1, 2], 0],
  [[1, 2], 1],
  [[2], 2],
  [[3, 3], ~0],
  [[0, 1], ~1],
  [[4, 1, 2, 5], 3],
  [[5], 4],
];

function trie(): SlotTrie {
  const t = new SlotTrie();
  for (const [path, value] of PATHS) t.addValue(t.add(path), value);
  t.freeze(SLOTS);
  return t;
}

function slotsOf(symbol: number): Int32Array {
  return symbol < SLOTS ? Int32Array.of(symbol) : Int32Array.from(SETS[symbol - SLOTS]);
}

/** Every path ending at each token, as "value:length" sorted, found by walking the trie from every start. */
function direct(t: SlotTrie, symbols: readonly number[]): string[][] {
  return symbols.map((_, end) => {
    const found: string[] = [];
    for (let start = 0; start <= end; start++) {
      let nodes = [0];
      for (let k = start; k <= end; k++) nodes = nodes.flatMap((n) => [...slotsOf(symbols[k])].map((s) => t.child(n, s)).filter((c) => c !== 0));
      for (const n of nodes) for (let v = t.valueStart[n]; v < t.valueStart[n + 1]; v++) found.push(`${t.valueList[v]}:${end - start + 1}`);
    }
    return found.sort();
  });
}

function stepped(automaton: PathAutomaton, symbols: readonly number[], trimAt: ReadonlySet<number>): string[][] {
  let state = NO_PATH;
  return symbols.map((symbol, i) => {
    // Starting the caches over is allowed only between blocks, where no path is open.
    if (trimAt.has(i)) {
      automaton.trim();
      state = NO_PATH;
    }
    state = automaton.next(state, symbol);
    const found: string[] = [];
    for (let o = automaton.outStart[state]; o < automaton.outStart[state + 1]; o++) found.push(`${automaton.outValues[o]}:${automaton.outTokens[o]}`);
    return found.sort();
  });
}

describe('path automaton', () => {
  it('finds the paths a direct walk finds, over words of one slot and of several', () => {
    const t = trie();
    const automaton = new PathAutomaton(t, slotsOf);
    const random = new Random(20261128);
    for (let run = 0; run < 200; run++) {
      const symbols = Array.from({ length: 1 + random.int(12) }, () => random.int(SLOTS + SETS.length));
      assert.deepEqual(stepped(automaton, symbols, new Set()), direct(t, symbols), `seed ${random.seed}, run ${run}: ${symbols.join(' ')}`);
    }
  });

  it('finds the same paths after its caches start over, as they do past the state limit', () => {
    const t = trie();
    const automaton = new PathAutomaton(t, slotsOf, 2);
    const random = new Random(7);
    for (let run = 0; run < 200; run++) {
      const symbols = Array.from({ length: 1 + random.int(12) }, () => random.int(SLOTS + SETS.length));
      // A block boundary in the middle: the sequence is two blocks, each checked on its own.
      const cut = random.int(symbols.length);
      const found = stepped(automaton, symbols, new Set([cut]));
      assert.deepEqual(found, [...direct(t, symbols.slice(0, cut)), ...direct(t, symbols.slice(cut))], `run ${run}: ${symbols.join(' ')} cut at ${cut}`);
    }
  });

  it('finds the same paths when its transitions outgrow the fixed tables, and symbols lie past them', () => {
    // Two-token paths from 60 first slots to every second slot: thousands of transitions from states other than
    // NO_PATH (more than the fixed table holds), and second slots numbered past START_SYMBOLS.
    const slots = START_SYMBOLS + 64;
    const t = new SlotTrie();
    const random = new Random(20261208);
    const paths: number[][] = [];
    for (let p = 0; p < TRANSITION_SLOTS * 2; p++) paths.push([START_SYMBOLS - 30 + random.int(60), START_SYMBOLS - 1000 + random.int(1064)]);
    paths.forEach((path, value) => {
      const node = t.add(path);
      if (t.valuesAt(node).length === 0) t.addValue(node, value);
    });
    t.freeze(slots);
    const one = (symbol: number): Int32Array => Int32Array.of(symbol);
    const automaton = new PathAutomaton(t, one);
    const walk = (symbols: readonly number[]): string[][] =>
      symbols.map((_, end) => {
        const found: string[] = [];
        for (let start = Math.max(0, end - 1); start <= end; start++) {
          let node = 0;
          for (let k = start; k <= end && node >= 0; k++) node = t.child(node, symbols[k]) || -1;
          if (node > 0) for (let v = t.valueStart[node]; v < t.valueStart[node + 1]; v++) found.push(`${t.valueList[v]}:${end - start + 1}`);
        }
        return found.sort();
      });
    for (let run = 0; run < 400; run++) {
      const symbols = Array.from({ length: 2 + random.int(30) }, () => (random.chance(0.5) ? START_SYMBOLS - 30 + random.int(60) : START_SYMBOLS - 1000 + random.int(1064)));
      assert.deepEqual(stepped(automaton, symbols, new Set()), walk(symbols), `run ${run}: ${symbols.join(' ')}`);
    }
  });
});
