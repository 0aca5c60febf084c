// `npm run fuzz [-- --seed N] [--iterations N] [--size CHARS]`: the long run of the fuzz suite (test/unit/helpers/
// fuzz.ts). Seeds run from N upwards; the first failure prints its seed and the broken invariant, exit 1.
import { checkCase, fuzzCase } from '../unit/helpers/fuzz';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`fuzz: --${name} takes a whole number, not ${JSON.stringify(process.argv[at + 1])}`);
    process.exit(2);
  }
  return value;
}

const seed = option('seed', Date.now() % 1_000_000_000);
const iterations = option('iterations', 5000);
const size = option('size', 20_000);
const started = Date.now();
console.log(`fuzz: seeds ${seed}–${seed + iterations - 1}, texts up to ${size} characters`);
for (let k = 0; k < iterations; k++) {
  try {
    checkCase(fuzzCase(seed + k, size));
  } catch (err: unknown) {
    console.error(err instanceof Error ? err.message : String(err));
    console.error(`fuzz: FAILED at seed ${seed + k}; replay it with: npm run fuzz -- --seed ${seed + k} --iterations 1 --size ${size}`);
    process.exit(1);
  }
  if ((k + 1) % 500 === 0) console.log(`fuzz: ${k + 1} cases, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`fuzz: ${iterations} cases passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
