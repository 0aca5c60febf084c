// Explains an annotation under the mouse: polarity, category, the lexicon entry, the rule that applied, the weight.
import * as vscode from 'vscode';
import type { Category, LexiconSource, Match } from '../core/types';
import { EntryNotes } from './entryNotes';
import { categoryLabel, polarityLabel, ruleLabel, t } from './l10n';
import { markdownCode, markdownText as escape } from './markdownText';
import { offsetRange } from './positions';
import type { AnalysisStore } from './store';

/** Matches longer than this are not expected; it bounds the search around the hovered offset. */
const LONGEST_MATCH = 400;

export class AnnotationHoverProvider implements vscode.HoverProvider {
  /** Notes of the lexicons in force, made again when the lexicons are reloaded. */
  private notes: { lexicons: readonly LexiconSource[]; notes: EntryNotes } | undefined;

  constructor(private readonly store: AnalysisStore) {}

  private entryNotes(): EntryNotes {
    const lexicons = this.store.lexicons;
    if (this.notes?.lexicons !== lexicons) this.notes = { lexicons, notes: new EntryNotes(lexicons) };
    return this.notes.notes;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    await this.store.whenIdle(document.uri);
    const stored = this.store.get(document.uri);
    if (!stored || stored.version !== document.version) return undefined;
    const offset = document.offsetAt(position);
    const hits = this.store
      .matchesInRange(document.uri, Math.max(0, offset - LONGEST_MATCH), offset + LONGEST_MATCH)
      .filter((m) => m.start <= offset && offset < m.end);
    if (hits.length === 0) return undefined;
    const categories = new Map(this.store.categories.map((c) => [c.id, c]));
    const notes = this.entryNotes();
    const contents = hits.map((m) => describeMatch(m, categories.get(m.category), notes.note(m.entry)));
    const start = Math.min(...hits.map((m) => m.start));
    const end = Math.max(...hits.map((m) => m.end));
    return new vscode.Hover(contents, offsetRange(document, start, end));
  }
}

/** The hover text for one annotation, as Markdown. */
function describeMatch(m: Match, category: Category | undefined, note?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  const icon = m.polarity === 'control' ? '$(shield)' : '$(comment-discussion)';
  const label = category ? categoryLabel(category) : m.category;
  md.appendMarkdown(`${icon} **${escape(polarityLabel(m.polarity))}** · ${escape(label)}`);
  if (m.negated) md.appendMarkdown(` · _${escape(t('not counted'))}_`);
  md.appendMarkdown('\n\n');
  if (category?.description) md.appendMarkdown(`${escape(category.description)}\n\n`);
  md.appendMarkdown(`${escape(t('Lexicon entry'))}: `);
  md.appendMarkdown(markdownCode(m.entry));
  md.appendMarkdown(` · ${escape(t('Weight'))}: ${formatWeight(m.weight)}`);
  // The lexicon's own words on the entry: text, like everything a lexicon file says.
  if (note) md.appendMarkdown(`\n\n${escape(t('Note'))}: _${escape(note)}_`);
  // The unit the lean counts: this match's sentence (numbered from 1 for readers; the JSON `sentence` counts from 0).
  md.appendMarkdown(`\n\n${escape(t('Sentence {0}', m.sentence + 1))}`);
  if (!m.negated) md.appendMarkdown(` · ${escape(m.polarity === 'control' ? t('counts toward control sentences') : t('counts toward engagement sentences'))}`);
  if (m.rule) {
    md.appendMarkdown(`\n\n${escape(t('Rule'))}: **${escape(ruleLabel(m.rule))}**`);
    if (m.ruleDetail) md.appendMarkdown(` — ${escape(m.ruleDetail)}`);
  }
  return md;
}

function formatWeight(w: number): string {
  return Number.isInteger(w) ? String(w) : w.toFixed(2).replace(/0+$/, '');
}
