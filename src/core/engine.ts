// The engine: compiled lexicons and the entry point for analysing a text.
import { builtinMatcherSource, builtinSha256 } from './builtinCompiled';
import { AnalysisContext, analysisContext, DocumentAnalysis, textTotals } from './analysis';
import { DocumentSubject, subjectOfDocument } from './listContext';
import { Matcher } from './matcher';
import { PartedAnalysis } from './reportParts';
import { sha256Hex } from './nodeCrypto';
import { TextTotals, totalsOf, TotalsPart } from './tally';
import { Category, Language, LanguageSetting, LexiconSource } from './types';

export interface LexiconInfo {
  name: string;
  version: string;
  /** SHA-256 of the lexicons' content, so a report names exactly what produced it. */
  sha256: string;
  entries: number;
}

export interface AnalyzeOptions {
  language?: LanguageSetting;
}

export class Engine {
  readonly categories: Category[];
  private info: LexiconInfo | null = null;
  private readonly contexts = new Map<LanguageSetting, AnalysisContext>();

  constructor(readonly lexicons: readonly LexiconSource[]) {
    if (lexicons.length === 0) throw new Error('the engine needs at least one lexicon');
    this.categories = [...this.context('auto').categories];
  }

  /** Computed when first read: its hash of the lexicons costs a CLI worker, which never reads it, about 20 ms. */
  get lexiconInfo(): LexiconInfo {
    this.info ??= {
      name: this.lexicons.map((l) => l.name).join('+'),
      version: this.lexicons.map((l) => l.version).join('+'),
      sha256: builtinSha256(this.lexicons) ?? sha256Hex(JSON.stringify(this.lexicons)),
      entries: this.context('auto').matcher.entryCount,
    };
    return this.info;
  }

  /** Analyses a text; with language `en` or `zh` only that language's lexicons apply. */
  analyze(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
    return DocumentAnalysis.create(this.context(options.language ?? 'auto'), text);
  }

  /**
   * The sums of `text`'s totals only (see TotalsPart), without keeping its analysis. `subject`: when `text` is a later
   * part of a document, the document's (subjectOf its first part); else its own title gives it.
   */
  totalsPart(text: string, options: AnalyzeOptions = {}, subject?: DocumentSubject | null): TotalsPart {
    return textTotals(this.context(options.language ?? 'auto'), text, subject);
  }

  /** The subject the title of the document beginning with `text` gives every part of it, or null. */
  subjectOf(text: string, options: AnalyzeOptions = {}): DocumentSubject | null {
    return subjectOfDocument(text, this.context(options.language ?? 'auto').matcher);
  }

  /** The totals from the sums of a text's parts, as `analyze(text).tally()` gives them. */
  totals(part: TotalsPart, options: AnalyzeOptions = {}): TextTotals {
    return totalsOf(part, this.context(options.language ?? 'auto').language);
  }

  /** An analysis for a report of a text given in parts, each ending where a block of the whole text ends (see reportParts.ts). */
  analyzeInParts(options: AnalyzeOptions = {}): PartedAnalysis {
    return new PartedAnalysis(this.context(options.language ?? 'auto'));
  }

  /** Like analyze, but yields to `pause` between slices of the text. */
  analyzeInSlices(text: string, options: AnalyzeOptions, pause: () => Promise<void>): Promise<DocumentAnalysis> {
    return DocumentAnalysis.createInSlices(this.context(options.language ?? 'auto'), text, pause);
  }

  private context(language: LanguageSetting): AnalysisContext {
    let context = this.contexts.get(language);
    if (!context) {
      const chosen = language === 'auto' ? this.lexicons : this.lexicons.filter((l) => l.language === language);
      const lexicons = chosen.length > 0 ? chosen : this.lexicons;
      const matcher = new Matcher(lexicons, builtinMatcherSource(lexicons));
      context = analysisContext(matcher, language === 'auto' ? null : (language as Language));
      this.contexts.set(language, context);
    }
    return context;
  }
}
