// A seeded shuffle shared by the tools that draw documents: the same items and seed give the same order on
// every machine, so a draw or a fold split can be repeated from the seed it prints.

/** The distinct items, sorted, then shuffled (Fisher–Yates) by a generator seeded with `seed`. */
export function seededOrder(items: readonly string[], seed: number): string[] {
  const order = [...new Set(items)].sort();
  const random = mulberry32(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** A small seeded generator (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
