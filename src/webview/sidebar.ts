// The sidebar's browser script. It renders the model the extension posts, using createElement and
// textContent only: document text (terms, titles, file names) must never be parsed as HTML.
import type {
  FromWebviewMessage,
  SidebarActiveDocument,
  SidebarChartColumn,
  SidebarLean,
  SidebarModel,
  SidebarOpenDocument,
  SidebarPolarity,
  SidebarSection,
  SidebarSectionChanges,
  SidebarStrings,
  ToWebviewMessage,
} from '../shared/sidebarMessages';
import { balancedBand, leanPosition, sectionBars, signedLean, type SectionBar } from './charts';

interface ViewState {
  model: SidebarModel | null;
  /** Which collapsible parts are open, by id; absent means open. */
  open: Record<string, boolean>;
  scrollY: number;
}

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
/** Announces the active document's lean when it changes, not on every re-render. */
const announcer = el('div', 'visually-hidden');
announcer.setAttribute('role', 'status');
announcer.setAttribute('aria-live', 'polite');
document.body.append(announcer);
const state: ViewState = { model: null, open: {}, scrollY: 0, ...vscode.getState() };

let saveTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Saves the state soon, once: the model of a long document is large, and saving it on every update while the user
 * types would copy it each time.
 */
function saveState(): void {
  if (saveTimer !== undefined) return;
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    // A model with thousands of sections is not kept: copying it into the workbench's storage on each update held up
    // the workbench, and a reloaded view asks for the model at once anyway.
    const large = (state.model?.active?.sections.length ?? 0) > SAVED_SECTIONS;
    vscode.setState(large ? { ...state, model: null } : state);
  }, 500);
}

/** Models with more sections than this are not saved with the view's state. */
const SAVED_SECTIONS = 1000;

/** The drawn section tree of the active document, kept across updates that change only some rows. */
interface DrawnSections {
  uri: string;
  /** The document as last posted: rows drawn later read their figures here. */
  doc: SidebarActiveDocument;
  /** The sections part (tree and chart). */
  part: HTMLElement;
  /** Per section index: its row in the tree, once drawn. */
  rows: Map<number, HTMLElement>;
  /** The chart's columns, by position. */
  columns: HTMLElement[];
  /** Draws more when a placeholder at the end of what is drawn comes near the view. */
  observer: IntersectionObserver;
  more: Map<Element, () => void>;
}

/**
 * Section rows drawn at once; the rest are drawn as the user scrolls near them. A statute of 10,000 sections took
 * seconds of the workbench's main thread to draw whole.
 */
const DRAWN_AT_ONCE = 200;

function drawnSections(doc: SidebarActiveDocument): DrawnSections {
  const more = new Map<Element, () => void>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const draw = entry.isIntersecting ? more.get(entry.target) : undefined;
        if (!draw) continue;
        more.delete(entry.target);
        observer.unobserve(entry.target);
        draw();
      }
    },
    { rootMargin: '1000px' },
  );
  return { uri: doc.uri, doc, part: root, rows: new Map(), columns: [], observer, more };
}

/** How many more items a drawing pass may draw. */
interface Budget {
  left: number;
}

/**
 * Draws items `from` on (each `draw` appends its own) while the budget lasts, then a placeholder that draws the next
 * ones when it comes near the view. Nested lists share the budget of the pass that draws them.
 */
function drawLazily(target: DrawnSections, container: HTMLElement, count: number, budget: Budget, draw: (k: number, budget: Budget) => void, from = 0): void {
  let k = from;
  for (; k < count && budget.left > 0; k++, budget.left--) draw(k, budget);
  if (k >= count) return;
  const placeholder = el('li', 'section-more');
  placeholder.setAttribute('aria-hidden', 'true');
  container.append(placeholder);
  target.more.set(placeholder, () => {
    placeholder.remove();
    drawLazily(target, container, count, { left: DRAWN_AT_ONCE }, draw, k);
  });
  target.observer.observe(placeholder);
}

let drawn: DrawnSections | null = null;

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  for (const child of children) {
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Fills `{0}` in a localised template; the result is only ever used as text. */
function fill(template: string, value: string): string {
  return template.replace('{0}', value);
}

function leanText(lean: SidebarLean, strings?: SidebarStrings): string {
  const text = lean.index === null ? lean.label : `${lean.label} ${signedLean(lean)}`;
  return lean.thin && lean.index !== null && strings ? `${text} (${strings.thinShort})` : text;
}

/** A lean's number with the thin-evidence mark beside it when it rests on too few sentences. */
function leanFigure(lean: SidebarLean, strings: SidebarStrings, className: string): HTMLElement {
  const thin = lean.thin && lean.index !== null;
  const figure = el('span', `${className}${thin ? ' thin-lean' : ''}`, signedLean(lean));
  if (thin) {
    const mark = el('span', 'thin-mark', '?');
    mark.setAttribute('aria-hidden', 'true');
    figure.append(mark);
    figure.title = `${leanText(lean, strings)}: ${strings.thinEvidence}`;
  }
  return figure;
}

/** A button that posts a message; `key` lets focus survive a re-render. */
function actionButton(className: string, key: string, label: string, message: FromWebviewMessage, ...children: Child[]): HTMLButtonElement {
  const button = el('button', className, ...children);
  button.type = 'button';
  button.dataset.focusKey = key;
  button.setAttribute('aria-label', label);
  button.title = label;
  button.addEventListener('click', () => vscode.postMessage(message));
  return button;
}

/** A collapsible part whose open state is remembered across reloads. */
function part(id: string, title: string, ...content: Child[]): HTMLDetailsElement {
  const details = el('details', `part part-${id}`);
  details.open = state.open[id] !== false;
  const summary = el('summary', undefined, el('h2', undefined, title));
  summary.dataset.focusKey = `part:${id}`;
  details.append(summary, ...content);
  details.addEventListener('toggle', () => {
    state.open[id] = details.open;
    saveState();
  });
  return details;
}

/**
 * The lean on a −1…+1 scale whose ends are the control and engagement colours, with the balanced band shaded
 * and a needle at the index (hollow when the evidence is thin); exposed to assistive technology as a meter.
 */
function leanMeter(lean: SidebarLean, strings: SidebarStrings, compact: boolean, band: number): HTMLElement {
  const meter = el('div', compact ? 'meter compact' : 'meter');
  meter.setAttribute('role', 'meter');
  meter.setAttribute('aria-valuemin', '-1');
  meter.setAttribute('aria-valuemax', '1');
  meter.setAttribute('aria-valuenow', String(lean.index ?? 0));
  meter.setAttribute('aria-valuetext', leanText(lean, strings));
  meter.setAttribute('aria-label', strings.lean);
  const balanced = el('div', 'meter-band');
  const geometry = balancedBand(band);
  // CSSOM assignments, which the style-src policy permits (inline style attributes are blocked).
  balanced.style.left = `${geometry.left}%`;
  balanced.style.width = `${geometry.width}%`;
  const track = el('div', 'meter-track', el('div', 'meter-end control'), balanced, el('div', 'meter-end engagement'), el('div', 'meter-centre'));
  if (lean.index !== null) {
    const marker = el('div', `meter-marker ${lean.labelId.replace(/\s+/g, '-')}${lean.thin ? ' thin' : ''}`);
    marker.style.left = `${leanPosition(lean.index)}%`;
    track.append(marker);
  }
  meter.append(track);
  return meter;
}

function leanPart(doc: SidebarActiveDocument, strings: SidebarStrings, band: number): HTMLElement {
  const summary = el('p', 'lean-label', doc.lean.label, ' ', leanFigure(doc.lean, strings, 'lean-figure'));
  const scale = el('div', 'meter-scale', el('span', 'control', `−1 ${strings.control}`), el('span', 'balanced', '0'), el('span', 'engagement', `+1 ${strings.engagement}`));
  const content: Child[] = [leanMeter(doc.lean, strings, false, band), scale, summary];
  if (doc.lean.thin) {
    content.push(el('p', 'thin', strings.thinEvidence));
  }
  content.push(el('p', 'hint', strings.leanScale), el('p', 'hint lean-formula', strings.leanFormula));
  return part('lean', strings.lean, ...content);
}

/** Sentences and matches per polarity, named as in the status bar, the CLI table and the JSON report. */
function countsTable(doc: SidebarActiveDocument, strings: SidebarStrings): HTMLElement {
  const head = el('tr', undefined, el('th', undefined, ''), el('th', 'num', strings.sentences), el('th', 'num', strings.matches), el('th', 'num', strings.perThousandWords));
  head.firstElementChild?.setAttribute('aria-hidden', 'true');
  const row = (polarity: SidebarPolarity, label: string): HTMLTableRowElement => {
    const counts = doc[polarity];
    const name = el('th', `polarity ${polarity}`, label);
    name.scope = 'row';
    const sentences = el('td', 'num', String(doc.units[polarity]));
    sentences.title = polarity === 'control' ? strings.controlSentences : strings.engagementSentences;
    return el('tr', undefined, name, sentences, el('td', 'num', String(counts.matches)), el('td', 'num', counts.perThousandWords.toFixed(1)));
  };
  const both = el('th', 'polarity', strings.both);
  both.scope = 'row';
  const bothRow = el('tr', undefined, both, el('td', 'num', String(doc.units.both)), el('td', 'num', ''), el('td', 'num', ''));
  const table = el('table', 'counts', el('thead', undefined, head), el('tbody', undefined, row('control', strings.control), row('engagement', strings.engagement), bothRow));
  const facts = el('p', 'facts', `${strings.sentences}: ${doc.units.sentences} · ${strings.words}: ${doc.words} · ${doc.language}`);
  return el('div', 'counts-block', table, facts);
}

/**
 * Once anything in the document was reviewed: the automatic figures and the figures as reviewed side by side
 * (rejected matches removed, manual codes added), with how many of each made the difference.
 */
function reviewPart(doc: SidebarActiveDocument, strings: SidebarStrings): HTMLElement | null {
  const reviewed = doc.reviewed;
  if (!reviewed) return null;
  const head = el('tr', undefined, el('th', undefined, ''), el('th', 'num', strings.automatic), el('th', 'num', strings.asReviewed));
  head.firstElementChild?.setAttribute('aria-hidden', 'true');
  const row = (label: string, automatic: Child, asReviewed: Child, className = ''): HTMLTableRowElement => {
    const name = el('th', className, label);
    name.scope = 'row';
    return el('tr', undefined, name, el('td', 'num automatic', automatic), el('td', 'num reviewed', asReviewed));
  };
  const body = el(
    'tbody',
    undefined,
    row(strings.lean, leanFigure(doc.lean, strings, 'lean-figure'), leanFigure(reviewed.lean, strings, 'lean-figure')),
    row(`${strings.control} · ${strings.matches}`, String(doc.control.matches), String(reviewed.control.matches), 'polarity control'),
    row(`${strings.engagement} · ${strings.matches}`, String(doc.engagement.matches), String(reviewed.engagement.matches), 'polarity engagement'),
    row(strings.controlSentences, String(doc.units.control), String(reviewed.units.control), 'polarity control'),
    row(strings.engagementSentences, String(doc.units.engagement), String(reviewed.units.engagement), 'polarity engagement'),
    row(strings.sentences, String(doc.units.sentences), String(reviewed.units.sentences)),
  );
  const table = el('table', 'review-comparison', el('thead', undefined, head), body);
  const summary = el('p', 'hint', strings.reviewSummary.replace('{0}', String(reviewed.rejected)).replace('{1}', String(reviewed.codes)));
  return part('review', strings.reviewComparison, table, summary);
}

function categoriesPart(doc: SidebarActiveDocument, strings: SidebarStrings): HTMLElement {
  if (doc.categories.length === 0) {
    return part('categories', strings.categories, el('p', 'empty', strings.noMatches));
  }
  const list = el('ul', 'categories');
  for (const c of doc.categories) {
    const bar = el('span', `bar ${c.polarity}`);
    bar.style.width = `${Math.max(2, c.share * 100)}%`;
    const item = el('li', 'category', el('span', 'category-label', c.label), el('span', 'category-count', String(c.matches)), el('span', 'bar-track', bar));
    item.title = `${c.label}: ${c.matches} (${c.polarity === 'control' ? strings.control : strings.engagement})`;
    list.append(item);
  }
  return part('categories', strings.categories, list);
}

function termsPart(doc: SidebarActiveDocument, strings: SidebarStrings): HTMLElement {
  if (doc.terms.length === 0) {
    return part('terms', strings.topTerms, el('p', 'empty', strings.noMatches));
  }
  const list = el('ul', 'terms');
  for (const term of doc.terms) {
    const label = `${fill(strings.jumpToTerm, term.term)} (${term.categoryLabel}, ${term.count})`;
    const button = actionButton(
      `term ${term.polarity}`,
      `term:${term.category}:${term.term}`,
      label,
      { type: 'revealTerm', uri: doc.uri, term: term.term, category: term.category },
      el('span', 'term-text', term.term),
      el('span', 'term-count', String(term.count)),
    );
    list.append(el('li', undefined, button));
  }
  return part('terms', strings.topTerms, el('p', 'hint', strings.topTermsHint), list);
}

/** A narrow column heading with its full name for tooltips and screen readers. */
function shortHeader(text: string, full: string, polarity: SidebarPolarity): HTMLElement {
  const th = el('span', `num polarity-head ${polarity}`, text);
  th.title = full;
  th.setAttribute('aria-label', full);
  return th;
}

/** One row of the section tree: the title (a jump), control and engagement sentences, the lean. */
function sectionRow(s: SidebarSection, doc: SidebarActiveDocument, strings: SidebarStrings): HTMLElement {
  const title = s.title || `${strings.section} ${s.index + 1}`;
  const button = actionButton('link', `section:${s.index}`, fill(strings.jumpToSection, title), { type: 'revealSection', uri: doc.uri, index: s.index }, title);
  const control = el('span', 'num', String(s.units.control));
  control.title = `${strings.controlSentences}: ${s.units.control}`;
  const engagement = el('span', 'num', String(s.units.engagement));
  engagement.title = `${strings.engagementSentences}: ${s.units.engagement}`;
  const lean = el('span', 'num', leanFigure(s.lean, strings, 'section-lean'));
  lean.title = leanText(s.lean, strings) + (s.lean.thin ? ` — ${strings.thinEvidence}` : '');
  return el('div', 'section-row', el('span', 'section-title', button), control, engagement, lean);
}

/**
 * The sections as a tree: a section with subsections is a <details> whose summary is its row, so it folds; its
 * figures include its subsections. Outermost sections start open, deeper ones closed; the choice is remembered.
 */
function sectionsPart(target: DrawnSections, strings: SidebarStrings): HTMLElement {
  const doc = target.doc;
  if (doc.sections.length === 0) {
    return part('sections', strings.sections, el('p', 'empty', strings.noSections));
  }
  const children = new Map<number | null, number[]>();
  for (const s of doc.sections) {
    const siblings = children.get(s.parent);
    if (siblings) siblings.push(s.index);
    else children.set(s.parent, [s.index]);
  }
  const branch = (parent: number | null, budget: Budget): HTMLElement => {
    const list = el('ul', 'section-tree');
    list.setAttribute('role', parent === null ? 'tree' : 'group');
    const items = children.get(parent) ?? [];
    drawLazily(target, list, items.length, budget, (k, pass) => {
      // Drawn now or later: the figures as last posted.
      const s = target.doc.sections[items[k]];
      const row = sectionRow(s, target.doc, strings);
      target.rows.set(s.index, row);
      const item = el('li', `section level-${Math.min(s.level, 6)}`);
      item.setAttribute('role', 'treeitem');
      list.append(item);
      if (children.has(s.index)) {
        const key = `section:${s.index}:${s.title}`;
        const details = el('details', 'section-branch');
        details.open = state.open[key] ?? s.level < 2;
        const summary = el('summary', undefined, row);
        summary.dataset.focusKey = `toggle:${s.index}`;
        summary.setAttribute('aria-label', fill(strings.expandSection, s.title));
        details.addEventListener('toggle', () => {
          state.open[key] = details.open;
          saveState();
        });
        item.setAttribute('aria-expanded', String(details.open));
        item.append(details);
        details.append(summary, branch(s.index, pass));
      } else {
        item.append(row);
      }
    });
    return list;
  };
  const head = el(
    'div',
    'section-row section-head',
    el('span', 'section-title', strings.section),
    shortHeader(strings.controlShort, strings.controlSentences, 'control'),
    shortHeader(strings.engagementShort, strings.engagementSentences, 'engagement'),
    el('span', 'num', strings.lean),
  );
  return part('sections', strings.sections, sectionChart(target, strings), el('p', 'hint', strings.sectionsHint), head, branch(null, { left: DRAWN_AT_ONCE }));
}

/**
 * The lean along the document: one diverging bar per column (up engagement, down control, length |lean|, faint when
 * thin) in document order; a column is an innermost section, or a group of consecutive ones when there are more than
 * the chart's columns (its lean from the group's summed counts). A click jumps to its first section. Outer sections
 * would count their parts twice.
 */
function sectionChart(target: DrawnSections, strings: SidebarStrings): HTMLElement {
  const doc = target.doc;
  const chart = el('div', 'section-chart');
  chart.setAttribute('role', 'group');
  chart.setAttribute('aria-label', strings.leanBySection);
  // A model saved by an earlier version has no chart: it is drawn empty until the fresh model comes.
  const columns = Array.isArray(doc.chart) ? doc.chart : [];
  const bars = sectionBars(columns.map((c) => ({ index: c.first, lean: c.lean })));
  target.columns = columns.map((c, k) => sectionColumn(c, bars[k], doc, strings));
  chart.append(...target.columns);
  chart.style.gridTemplateColumns = `repeat(${Math.max(1, columns.length)}, minmax(1px, 1fr))`;
  const axis = el('div', 'chart-axis', el('span', 'engagement', `▲ ${strings.engagement}`), el('span', 'control', `▼ ${strings.control}`));
  return el('div', 'section-chart-block', el('p', 'hint', strings.leanBySection), chart, axis);
}

/** A section's title as the tree shows it. */
function sectionTitle(doc: SidebarActiveDocument, index: number, strings: SidebarStrings): string {
  return doc.sections[index]?.title || `${strings.section} ${index + 1}`;
}

/** What a column covers: its section's title, or the first and last titles of its group and how many it holds. */
function columnName(c: SidebarChartColumn, doc: SidebarActiveDocument, strings: SidebarStrings): string {
  const first = sectionTitle(doc, c.first, strings);
  if (c.sections === 1) return first;
  return strings.sectionRange.replace('{0}', first).replace('{1}', sectionTitle(doc, c.last, strings)).replace('{2}', String(c.sections));
}

function sectionColumn(c: SidebarChartColumn, bar: SectionBar, doc: SidebarActiveDocument, strings: SidebarStrings): HTMLElement {
  const column = actionButton(
    `section-column ${bar.direction}${bar.thin ? ' faint' : ''}`,
    `chart:${c.column}`,
    `${columnName(c, doc, strings)}: ${leanText(c.lean, strings)}`,
    { type: 'revealSection', uri: doc.uri, index: c.first },
  );
  // The bar's length in percent of the column's height, drawn by the column's background (sidebar.css).
  column.style.setProperty('--bar', `${bar.noSignal ? 0 : Math.max(4, bar.length * 50)}%`);
  return column;
}

/** Every open document on one shared −1…+1 axis: a dot-plot row each, hollow when the evidence is thin. */
function documentsPart(documents: SidebarOpenDocument[], strings: SidebarStrings, band: number): HTMLElement {
  const axis = el('div', 'documents-axis', el('span', 'control', '−1'), el('span', undefined, '0'), el('span', 'engagement', '+1'));
  axis.setAttribute('aria-hidden', 'true');
  const list = el('ul', 'documents');
  for (const d of documents) {
    const button = actionButton(
      d.active ? 'document active' : 'document',
      `doc:${d.uri}`,
      `${fill(strings.openDocument, d.name)}: ${leanText(d.lean, strings)}`,
      { type: 'openDocument', uri: d.uri },
      el('span', 'document-name', d.name),
      leanMeter(d.lean, strings, true, band),
      leanFigure(d.lean, strings, 'document-lean'),
    );
    button.title = `${d.detail} — ${leanText(d.lean, strings)}`;
    if (d.active) {
      button.setAttribute('aria-current', 'true');
    }
    list.append(el('li', undefined, button));
  }
  return part('documents', strings.openDocuments, axis, list);
}

/** The sections part: the one drawn before for this document when `keep` says so, else a new one. */
function sectionsOf(doc: SidebarActiveDocument, strings: SidebarStrings, keep: boolean): HTMLElement {
  if (keep && drawn && drawn.uri === doc.uri) {
    drawn.doc = doc;
    return drawn.part;
  }
  drawn?.observer.disconnect();
  drawn = drawnSections(doc);
  drawn.part = sectionsPart(drawn, strings);
  return drawn.part;
}

/**
 * The parts drawn last, by name, with the data each was drawn from. A render draws again only the parts whose data
 * changed: while the user types, an update changes a count or two, and drawing every part anew made the webview lay
 * out and paint all of them (it shares the workbench page's main thread) several times a second.
 */
const drawnParts = new Map<string, { key: string; node: HTMLElement }>();

function drawnPart(name: string, data: unknown, draw: () => HTMLElement): HTMLElement {
  const key = JSON.stringify(data);
  const known = drawnParts.get(name);
  if (known && known.key === key) return known.node;
  const node = draw();
  drawnParts.set(name, { key, node });
  return node;
}

function activeDocument(doc: SidebarActiveDocument, strings: SidebarStrings, stringsKey: string, band: number, keepSections: boolean): HTMLElement[] {
  const heading = drawnPart('heading', [doc.name, doc.detail], () => {
    const h1 = el('h1', 'document-title', doc.name);
    h1.title = doc.detail;
    return h1;
  });
  const parts: HTMLElement[] = [heading];
  if (!doc.complete) {
    parts.push(drawnPart('analysing', strings.analysing, () => el('p', 'hint', strings.analysing)));
  }
  const { lean, units, control, engagement } = doc;
  parts.push(drawnPart('lean', [stringsKey, band, lean], () => leanPart(doc, strings, band)));
  if (doc.reviewed) {
    const review = doc.reviewed;
    parts.push(drawnPart('review', [stringsKey, review, lean, units, control.matches, engagement.matches], () => reviewPart(doc, strings) ?? el('div')));
  }
  parts.push(
    drawnPart('counts', [stringsKey, units, control, engagement, doc.words, doc.language], () => countsTable(doc, strings)),
    drawnPart('categories', [stringsKey, doc.categories], () => categoriesPart(doc, strings)),
    drawnPart('terms', [stringsKey, doc.uri, doc.terms], () => termsPart(doc, strings)),
    sectionsOf(doc, strings, keepSections),
  );
  return parts;
}

/**
 * Puts `children` in the root in order, leaving in place every node that stays: moving the sections part would lay
 * out all its rows again. Nodes that go are removed first, so those that stay keep their order and only new ones are
 * inserted between them.
 */
function placeChildren(children: readonly HTMLElement[]): void {
  const wanted = new Set<Node>(children);
  for (const node of Array.from(root.childNodes)) if (!wanted.has(node)) node.remove();
  children.forEach((child, i) => {
    const current = root.childNodes[i];
    if (current !== child) root.insertBefore(child, current ?? null);
  });
}

/** Replaces the rows of the sections and the chart columns that changed, in the drawn tree. */
function patchSections(doc: SidebarActiveDocument, changes: SectionsChanged, strings: SidebarStrings): void {
  if (!drawn) return;
  for (const section of changes.sections) {
    const row = drawn.rows.get(section.index);
    if (row) {
      const fresh = sectionRow(section, doc, strings);
      row.replaceWith(fresh);
      drawn.rows.set(section.index, fresh);
    }
  }
  const bars = sectionBars(changes.chart.map((c) => ({ index: c.first, lean: c.lean })));
  changes.chart.forEach((c, k) => {
    const column = drawn?.columns[c.column];
    if (!column || !drawn) return;
    const fresh = sectionColumn(c, bars[k], doc, strings);
    column.replaceWith(fresh);
    drawn.columns[c.column] = fresh;
  });
}

/** What an update changed: section rows, and chart columns. */
interface SectionsChanged {
  sections: readonly SidebarSection[];
  chart: readonly SidebarChartColumn[];
}

/**
 * Applies an update to the model held: the active document's sections as held, with the changed rows replaced.
 * Null when the update does not fit what is held (the extension then sends a whole model on 'ready').
 */
function applyUpdate(model: SidebarModel, changes: SidebarSectionChanges): SidebarModel | null {
  const held = state.model?.active;
  if (!model.active || !held || !Array.isArray(held.chart) || held.uri !== changes.uri || model.active.uri !== changes.uri || held.sections.length !== changes.count || held.chart.length !== changes.chartCount) return null;
  const sections = held.sections.slice();
  for (const section of changes.changed) {
    if (!Number.isInteger(section.index) || section.index < 0 || section.index >= sections.length) return null;
    sections[section.index] = section;
  }
  const chart = held.chart.slice();
  for (const column of changes.chart) {
    if (!Number.isInteger(column.column) || column.column < 0 || column.column >= chart.length) return null;
    chart[column.column] = column;
  }
  return { ...model, active: { ...model.active, sections, chart } };
}

function render(model: SidebarModel, changed: SectionsChanged | null = null): void {
  const focusKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusKey : undefined;
  const { strings } = model;
  // A model saved by an earlier version has no band; 0.2 is the core's.
  const band = typeof model.balancedBand === 'number' ? model.balancedBand : 0.2;
  const stringsKey = JSON.stringify(strings);
  const children: HTMLElement[] = [];
  // Drawing ten thousand sections anew on every update stalled the workbench: an update redraws only what changed.
  const keepSections = changed !== null && drawn !== null && model.active !== null && drawn.uri === model.active.uri;
  if (model.active) {
    children.push(...activeDocument(model.active, strings, stringsKey, band, keepSections));
    if (keepSections) patchSections(model.active, changed, strings);
  } else {
    const text = model.unannotatedName === null ? strings.noDocument : fill(strings.notAnnotated, model.unannotatedName);
    children.push(drawnPart('empty', text, () => el('p', 'empty', text)));
  }
  if (model.documents.length > 0) {
    children.push(drawnPart('documents', [stringsKey, band, model.documents], () => documentsPart(model.documents, strings, band)));
  }
  placeChildren(children);
  const announcement = model.active ? `${model.active.name}: ${leanText(model.active.lean, strings)}` : '';
  if (announcer.textContent !== announcement) {
    announcer.textContent = announcement;
  }
  if (focusKey) {
    const target = root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    if (target && target !== document.activeElement) target.focus();
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage>) => {
  const message = event.data;
  if (message.type === 'model') {
    state.model = message.model;
    render(message.model);
    saveState();
  } else if (message.type === 'update') {
    const model = applyUpdate(message.model, message.sections);
    if (!model) {
      // Out of step with the extension: ask for the whole model.
      vscode.postMessage({ type: 'ready' });
      return;
    }
    state.model = model;
    render(model, { sections: message.sections.changed, chart: message.sections.chart });
    saveState();
  }
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer === undefined) {
    scrollTimer = setTimeout(() => {
      scrollTimer = undefined;
      state.scrollY = window.scrollY;
      saveState();
    }, 200);
  }
});

// Show the last known model at once, then ask for a fresh one.
if (state.model) {
  render(state.model);
  window.scrollTo(0, state.scrollY);
}
vscode.postMessage({ type: 'ready' });
