// The engine: compiled lexicons and the entry point for analysing a text.
import { createHash } from 'node:crypto';
import { AnalysisContext, analysisContext, DocumentAnalysis } from './analysis';
import { Matcher } from './matcher';
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
  readonly lexiconInfo: LexiconInfo;
  private readonly contexts = new Map<LanguageSetting, AnalysisContext>();

  constructor(readonly lexicons: readonly LexiconSource[]) {
    if (lexicons.length === 0) throw new Error('the engine needs at least one lexicon');
    const all = this.context('auto');
    this.categories = [...all.categories];
    this.lexiconInfo = {
      name: lexicons.map((l) => l.name).join('+'),
      version: lexicons.map((l) => l.version).join('+'),
      sha256: createHash('sha256').update(JSON.stringify(lexicons)).digest('hex'),
      entries: all.matcher.entryCount,
    };
  }

  /** Analyses a text; with language `en` or `zh` only that language's lexicons apply. */
  analyze(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
    return DocumentAnalysis.create(this.context(options.language ?? 'auto'), text);
  }

  /** Like analyze, but yields to `pause` between slices of the text. */
  analyzeInSlices(text: string, options: AnalyzeOptions, pause: () => Promise<void>): Promise<DocumentAnalysis> {
    return DocumentAnalysis.createInSlices(this.context(options.language ?? 'auto'), text, pause);
  }

  private context(language: LanguageSetting): AnalysisContext {
    let context = this.contexts.get(language);
    if (!context) {
      const chosen = language === 'auto' ? this.lexicons : this.lexicons.filter((l) => l.language === language);
      const matcher = new Matcher(chosen.length > 0 ? chosen : this.lexicons);
      context = analysisContext(matcher, language === 'auto' ? null : (language as Language));
      this.contexts.set(language, context);
    }
    return context;
  }
}
