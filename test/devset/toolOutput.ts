// What the development-set tools (devset.ts, sentenceModel.ts) share in printing their tables and ending.

/** A count right-aligned in four columns. */
export const pad = (x: number): string => String(x).padStart(4);

/** A score to three decimals, as a printed table gives it. */
export const fmt = (x: number): string => x.toFixed(3);

/** A score to three decimals, as JSON output gives it. */
export const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Runs a tool's main; its error's message goes to standard error with exit code 2. */
export function runTool(main: (argv: string[]) => number): void {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 2;
  }
}
