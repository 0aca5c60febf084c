// `npm run golden:update`: rewrites the reviewed hashes of the golden comparison after an intended output change.
import { computeGolden, HASHES_FILE, readGolden, writeGolden } from './outputs';

const before = (() => {
  try {
    return readGolden();
  } catch {
    return {};
  }
})();
const after = computeGolden();
writeGolden(after);
const changed = Object.entries(after).flatMap(([name, parts]) =>
  Object.entries(parts)
    .filter(([part, hash]) => before[name]?.[part] !== hash)
    .map(([part]) => `${name}.${part}`),
);
console.log(changed.length === 0 ? `${HASHES_FILE}: unchanged` : `${HASHES_FILE}: rewrote ${changed.length} hashes:\n  ${changed.join('\n  ')}\nSay in the commit message what changed in the output and why.`);
