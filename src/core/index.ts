// The public surface of the engine, shared by the extension, the CLI and the tests. Nothing here imports vscode.
export { DocumentAnalysis } from './analysis';
export { builtinLexicons } from './builtin';
export { AnalyzeOptions, Engine, LexiconInfo } from './engine';
export { LexiconError, parseLexicon, ParseLexiconOptions } from './lexicon';
export { LineIndex, lineIndex, LinePosition } from './lineIndex';
export { BALANCED_BAND, lean, THIN_EVIDENCE } from './tally';
export * from './types';

import { DocumentAnalysis } from './analysis';
import { AnalyzeOptions, Engine } from './engine';

/** Analyses `text` in slices, awaiting `pause` between them. */
export function analyzeAsync(engine: Engine, text: string, options: AnalyzeOptions, pause: () => Promise<void>): Promise<DocumentAnalysis> {
  return engine.analyzeInSlices(text, options, pause);
}
