// The API `activate` returns, for tests and other extensions: what Policy Lens computed and shows per document.
import type * as vscode from 'vscode';
import type { Match, Tally } from '../core/types';
import type { AppliedDecorations } from './decorations';
import type { ReviewSnapshot } from './reviewStore';
import type { ReviewRow } from './reviewViews';
import type { SidebarProvider } from './sidebar';
import type { SectionRequest } from './symbols';

export type { AppliedDecorations };

/** Why a document has no annotations, or that it has them. */
export type DocumentStatus = 'annotated' | 'tooLarge' | 'binary' | 'off';

export interface DocumentAnnotations {
  /** The tally of the document as last analysed. */
  readonly tally: Tally;
  /** Every annotation, sorted by start offset (UTF-16 code units), negated ones included. */
  readonly matches: readonly Match[];
  /** Document version the annotations belong to. */
  readonly version: number;
  /** False while a large document is still being analysed in slices. */
  readonly complete: boolean;
}

export interface PolicyLensApi {
  /** The annotations and tally of an open document, or undefined when it is not annotated. */
  getAnalysis(uri: vscode.Uri): DocumentAnnotations | undefined;
  /** The ranges currently drawn in the document's visible editor (empty when it is not visible). */
  getDecorations(uri: vscode.Uri): AppliedDecorations;
  /** Whether the document is annotated, and if not, why. */
  getStatus(uri: vscode.Uri): DocumentStatus;
  /** The status bar item's text, or undefined when it is hidden. */
  getStatusBarText(): string | undefined;
  /** The status bar item's tooltip as Markdown text, or undefined when it is hidden. */
  getStatusBarTooltip(): string | undefined;
  /**
   * Notices shown to the user, oldest first: documents skipped as too large or binary, and (once per session)
   * lexicon files not loaded because the workspace is not trusted.
   */
  getNotices(): readonly string[];
  /** The tally view's provider: the data and HTML it last showed, and its message handler (for tests). */
  getSidebar(): SidebarProvider;
  /** Resolves when no lexicon reload, debounce or analysis is pending. */
  whenIdle(): Promise<void>;
  /** The document's reviews, manual codes, orphans and as-reviewed figures, or undefined while it is not analysed. */
  getReview(uri: vscode.Uri): ReviewSnapshot | undefined;
  /** The rows the Review view shows for the document. */
  getReviewRows(uri: vscode.Uri): readonly ReviewRow[];
  /** The last requests of the editor to the Outline and folding providers, oldest first (for the host bench). */
  getSectionRequests(): readonly SectionRequest[];
  /** Fires when a document's annotations changed. */
  readonly onDidUpdate: vscode.Event<vscode.Uri>;
}
