/** A lexicon file that cannot be used, with the place of the problem (1-based line and column). */
export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.name = 'LexiconError';
  }
}
