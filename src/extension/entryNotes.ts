// The lexicons' notes on their entries ("RSDL, a form of secret detention"), looked up by the entry an annotation
// matched, for the hover. Neutral entries never annotate, so their notes are left out.
import type { LexiconSource } from '../core/types';

export class EntryNotes {
  private readonly notes = new Map<string, string>();

  constructor(lexicons: readonly LexiconSource[]) {
    for (const lexicon of lexicons) {
      for (const entry of lexicon.entries) {
        // The first lexicon that notes a term is the one quoted, as lexicons are listed in the report.
        if (entry.note && !entry.neutral && !this.notes.has(entry.term)) this.notes.set(entry.term, entry.note);
      }
    }
  }

  /** The note on the entry an annotation names (`Match.entry`), if it has one. */
  note(entry: string): string | undefined {
    return this.notes.get(entry);
  }
}
