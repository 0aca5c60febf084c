// The researcher in the loop, in the real host: review a match from its hover, add a term with its preview, code
// a passage with a memo, see anchors follow edits, and see an orphan listed after the file changed while closed.
// Everything goes through the workspace's .policylens/ folder, which each test removes again.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { collectionOf, serializeCollection, WebAnnotation } from '../../src/core/webAnnotation';
import { selectorsFor } from '../../src/core/webAnnotationSelectors';
import type { PolicyLensApi } from '../../src/extension/api';
import type { OverwriteResult } from '../../src/extension/reviewCommands';
import type { ReviewRow } from '../../src/extension/reviewViews';
import { activateApi, closeAllEditors, extensionPath, offsetsOf, spanOf, waitFor } from './editorHelpers';

const TEXT = 'The authority may monitor residents and keep a blacklist.\nResidents may appeal to the court within ten days.\nThe widget tax applies to every firm.\n';

interface StoreJson {
  '@context': string;
  type: string;
  first: { items: { type: string; motivation: string; body: { purpose: string; value: string; entry?: string; category?: string; scope?: string }[]; target: { source: string; selector: { type: string; exact?: string; start?: number }[] } }[] };
}

function folder(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the integration workspace has a folder');
  return f.uri.fsPath;
}

function storeFile(): string {
  return path.join(folder(), '.policylens', 'annotations.json');
}

function readStore(): StoreJson {
  return JSON.parse(fs.readFileSync(storeFile(), 'utf8')) as StoreJson;
}

function row(rows: readonly ReviewRow[], id: string): ReviewRow {
  const found = rows.find((r) => r.id === id);
  assert.ok(found, `no row ${id} in ${JSON.stringify(rows.map((r) => r.id))}`);
  return found;
}

async function open(api: PolicyLensApi, name: string, text: string): Promise<vscode.TextEditor> {
  const file = path.join(folder(), 'review-test', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await api.whenIdle();
  await waitFor('the review snapshot', () => api.getReview(document.uri));
  return editor;
}

/** The arguments of the command link `command` in the hover at `offset`. */
async function hoverLink(document: vscode.TextDocument, offset: number, command: string): Promise<Record<string, unknown>> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  const match = new RegExp(`\\(command:${command.replace(/\./g, '\\.')}\\?([^)]+)\\)`).exec(markdown);
  assert.ok(match, `no ${command} link in the hover: ${markdown}`);
  return JSON.parse(decodeURIComponent(match[1])) as Record<string, unknown>;
}

async function hoverText(document: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  // Escaped text as the reader sees it; the hover's own bold and emphasis marks are kept for the assertions.
  const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  return markdown.replace(/\\([^*_])/g, '$1');
}

/** A store as another window (or program) writes it: one review of `monitor` in review-test/`name`. */
function storeFromElsewhere(name: string, version = 1): string {
  const [start, end] = spanOf(TEXT, 'monitor');
  const other: WebAnnotation = {
    id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    type: 'Annotation',
    motivation: 'assessing',
    creator: { type: 'Person', name: 'Other Window' },
    created: '2026-12-01T09:00:00.000Z',
    modified: '2026-12-01T09:00:00.000Z',
    body: [{ type: 'TextualBody', purpose: 'assessing', value: 'accepted', entry: 'monitor', category: 'surveillance', scope: 'here' }],
    target: { source: `review-test/${name}`, selector: selectorsFor(TEXT, start, end) },
  };
  return serializeCollection({ ...collectionOf([other], { type: 'Software', name: 'policy-lens', version: '0.1.0' }), version });
}

/** The CLI's report, run in the workspace folder as a user would: it finds .policylens/ there by itself. */
function cli(...args: string[]): string {
  return execFileSync(process.execPath, [path.join(extensionPath(), 'dist', 'cli.js'), ...args], { cwd: folder(), encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
}

interface ExportedFigures {
  units: { sentences: number; control: number; engagement: number; both: number };
  control: { matches: number };
  engagement: { matches: number };
  lean: { index: number | null };
}

interface ExportedDocument extends ExportedFigures {
  source: string;
  reviewed: ExportedFigures | null;
  sections: { reviewed: ExportedFigures | null }[];
  annotations: { text: string; entry: string; category: string; review: string | null; origin: string; ruleDetail: string | null }[];
}

describe('review, codes and the workspace lexicon', function () {
  this.timeout(90_000);
  let api: PolicyLensApi;
  before(async () => {
    api = await activateApi();
  });
  afterEach(async () => {
    await closeAllEditors();
    const lexicon = path.join(folder(), '.policylens', 'lexicon.json');
    if (fs.existsSync(lexicon)) {
      fs.rmSync(lexicon);
      // The loader watches the file it loaded: its removal reloads the built-ins alone.
      await waitFor('the workspace lexicon to be unloaded', async () => true);
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    fs.rmSync(path.join(folder(), '.policylens'), { recursive: true, force: true });
    fs.rmSync(path.join(folder(), 'review-test'), { recursive: true, force: true });
    await api.whenIdle();
  });

  it('rejects a match from its hover: struck through, not counted, who/when/why shown, stored as a W3C annotation', async () => {
    const editor = await open(api, 'hover.txt', TEXT);
    const document = editor.document;
    const uri = document.uri;
    const [start, end] = spanOf(TEXT, 'monitor');
    const before = api.getReview(uri);
    assert.ok(before);
    assert.equal(before.reviewed, null, 'nothing reviewed yet');
    const automaticControl = api.getAnalysis(uri)?.tally.control.matches ?? 0;
    assert.ok(automaticControl >= 2, `control matches ${automaticControl}`);

    const args = await hoverLink(document, start + 2, 'policyLens.rejectMatch');
    assert.deepEqual([args.start, args.end, args.entry], [start, end, 'monitor']);
    const id = await vscode.commands.executeCommand<string>('policyLens.rejectMatch', { ...args, reason: 'about traffic cameras, not people' });
    assert.match(id, /^urn:uuid:/);
    await api.whenIdle();

    const review = await waitFor('the rejection', () => {
      const r = api.getReview(uri);
      return r && r.verdicts.some((v) => v?.value === 'rejected') && r;
    });
    const index = review.matches.findIndex((m) => m.start === start);
    assert.equal(review.verdicts[index]?.reason, 'about traffic cameras, not people');
    assert.equal(review.reviewed?.control.matches, automaticControl - 1, 'a rejected match is not counted as reviewed');
    assert.equal(api.getAnalysis(uri)?.tally.control.matches, automaticControl, 'the automatic figures stay');
    const drawn = api.getDecorations(uri);
    assert.deepEqual(offsetsOf(document, drawn.rejected), [[start, end]]);
    assert.ok(!offsetsOf(document, drawn.control).some(([s]) => s === start), 'a rejected match is not drawn as control');

    const hover = await hoverText(document, start + 2);
    assert.match(hover, /Rejected here\*\* by .+, \d{4}\\?-\d{2}\\?-\d{2} \d{2}:\d{2}:\d{2} UTC — _about traffic cameras, not people_/);
    const entries = row(api.getReviewRows(uri), 'entries');
    assert.match(entries.children?.find((c) => c.label === 'monitor')?.description ?? '', /^rejected 1 of 1/);

    const stored = readStore();
    assert.equal(stored['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(stored.type, 'AnnotationCollection');
    const item = stored.first.items[0];
    assert.equal(item.type, 'Annotation');
    assert.equal(item.motivation, 'assessing');
    assert.deepEqual(item.body[0], { type: 'TextualBody', purpose: 'assessing', value: 'rejected', entry: 'monitor', category: 'surveillance', scope: 'here' });
    assert.equal(item.target.source, 'review-test/hover.txt');
    assert.deepEqual(item.target.selector.map((s) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);

    // The keyboard: the next unreviewed match is selected, then accepted with the cursor on it.
    editor.selection = new vscode.Selection(document.positionAt(0), document.positionAt(0));
    const next = await vscode.commands.executeCommand<{ start: number; text: string }>('policyLens.nextUnreviewedMatch');
    assert.notEqual(next.start, start, 'the rejected match is skipped');
    assert.equal(document.offsetAt(editor.selection.start), next.start);
    await vscode.commands.executeCommand('policyLens.acceptMatch');
    await api.whenIdle();
    const accepted = api.getReview(uri);
    assert.equal(accepted?.verdicts[accepted.matches.findIndex((m) => m.start === next.start)]?.value, 'accepted');
  });

  it('reviews a match from the sidebar: its row under Matches carries Accept and Reject, as the menu passes the row', async () => {
    const editor = await open(api, 'sidebar.txt', TEXT);
    const uri = editor.document.uri;
    const [start, end] = spanOf(TEXT, 'monitor');
    const matches = row(api.getReviewRows(uri), 'matches');
    const counted = api.getReview(uri)?.matches.filter((m) => !m.negated).length ?? 0;
    assert.equal(matches.children?.length, counted, 'one row per counted match');
    assert.match(matches.label, new RegExp(`^Matches \\(${counted}, ${counted} not reviewed\\)$`));
    const monitorRow = matches.children?.find((c) => c.review?.start === start);
    assert.ok(monitorRow, 'the monitor match has a row');
    assert.equal(monitorRow.contextValue, 'policyLens.match');
    assert.match(monitorRow.description ?? '', /^Not reviewed · /);
    const menu = (JSON.parse(fs.readFileSync(path.join(extensionPath(), 'package.json'), 'utf8')) as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus['view/item/context'];
    for (const command of ['policyLens.acceptMatch', 'policyLens.rejectMatch', 'policyLens.rejectEverywhere']) {
      assert.ok(menu.some((m) => m.command === command && m.when === 'view == policyLens.review && viewItem == policyLens.match'), `${command} on a match row`);
    }

    // VS Code passes the row itself to a view item's command.
    await vscode.commands.executeCommand('policyLens.rejectMatch', monitorRow);
    await api.whenIdle();
    const rejected = await waitFor('the rejection from the row', () => {
      const r = api.getReview(uri);
      return r && r.verdicts.some((v) => v?.value === 'rejected') && r;
    });
    const index = rejected.matches.findIndex((m) => m.start === start && m.end === end);
    assert.equal(rejected.verdicts[index]?.value, 'rejected');
    assert.equal(rejected.verdicts[index]?.scope, 'here');
    const after = row(api.getReviewRows(uri), 'matches');
    assert.match(after.children?.find((c) => c.review?.start === start)?.description ?? '', /^rejected · /);
    assert.match(after.label, new RegExp(`, ${counted - 1} not reviewed\\)$`));

    const other = after.children?.find((c) => c.review?.start !== start);
    assert.ok(other, 'another counted match');
    await vscode.commands.executeCommand('policyLens.acceptMatch', other);
    await api.whenIdle();
    await waitFor('the acceptance from the row', () => api.getReview(uri)?.verdicts.some((v) => v?.value === 'accepted'));
  });

  it('rejects an entry everywhere in the workspace, in another document too', async () => {
    const first = await open(api, 'everywhere-a.txt', TEXT);
    const second = await open(api, 'everywhere-b.txt', 'Police monitor the square.\n');
    const [start, end] = spanOf(TEXT, 'monitor');
    await vscode.commands.executeCommand('policyLens.rejectEverywhere', { uri: first.document.uri.toString(), start, end, entry: 'monitor' });
    await api.whenIdle();
    const other = await waitFor('the workspace-wide rejection', () => {
      const r = api.getReview(second.document.uri);
      return r && r.verdicts[0]?.value === 'rejected' && r;
    });
    assert.equal(other.verdicts[0]?.scope, 'workspace');
    assert.equal(other.reviewed?.control.matches, 0);
  });

  it('adds a selected term to the workspace lexicon after a preview of its matches', async () => {
    const editor = await open(api, 'lexicon.txt', TEXT);
    await open(api, 'lexicon-b.txt', 'A widget tax here, and another widget tax there.\n');
    const shown = await vscode.window.showTextDocument(editor.document);
    const [start, end] = spanOf(TEXT, 'widget tax');
    shown.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
    const preview = await vscode.commands.executeCommand<{ openMatches: number; openDocuments: number; workspaceMatches: number; saved: boolean }>(
      'policyLens.addSelectionToLexicon',
      { category: 'sanctions', confirm: false },
    );
    assert.equal(preview.saved, false);
    assert.equal(preview.openMatches, 3, 'one match in the first open document, two in the second');
    assert.ok(preview.workspaceMatches >= 3, `workspace matches ${preview.workspaceMatches}`);
    assert.ok(!fs.existsSync(path.join(folder(), '.policylens', 'lexicon.json')), 'a preview writes nothing');

    const saved = await vscode.commands.executeCommand<{ saved: boolean }>('policyLens.addSelectionToLexicon', { category: 'sanctions', confirm: true });
    assert.equal(saved.saved, true);
    const lexicon = JSON.parse(fs.readFileSync(path.join(folder(), '.policylens', 'lexicon.json'), 'utf8')) as { entries: { term: string; category?: string }[] };
    assert.deepEqual(lexicon.entries, [{ term: 'widget tax', category: 'sanctions' }]);
    await waitFor('the new term to match', () => api.getAnalysis(editor.document.uri)?.matches.some((m) => m.text === 'widget tax'));

    // Ignore Term: a neutral entry in the same file; the term stops matching.
    await vscode.commands.executeCommand('policyLens.ignoreTerm', { term: 'blacklist', confirm: true });
    await waitFor('the ignored term to stop matching', () => !api.getAnalysis(editor.document.uri)?.matches.some((m) => m.text === 'blacklist'));
    // Edit Entry opens the workspace lexicon at the entry.
    const opened = await vscode.commands.executeCommand<vscode.TextEditor>('policyLens.editLexiconEntry', { term: 'blacklist' });
    assert.ok(opened.document.uri.fsPath.endsWith(path.join('.policylens', 'lexicon.json')));
    assert.match(opened.document.lineAt(opened.selection.active.line).text, /\{|"term": "blacklist"/);
  });

  it('codes a selection with a memo: own highlight, listed, counted, anchored through edits', async () => {
    const editor = await open(api, 'code.txt', TEXT);
    const document = editor.document;
    const uri = document.uri;
    const passage = 'Residents may appeal to the court';
    const [start, end] = spanOf(TEXT, passage);
    const automaticEngagement = api.getAnalysis(uri)?.tally.engagement.matches ?? 0;
    const id = await vscode.commands.executeCommand<string>('policyLens.codeSelection', { uri: uri.toString(), start, end, code: 'rights', memo: 'a right of appeal, stated plainly' });
    assert.match(id, /^urn:uuid:/);
    await api.whenIdle();
    const coded = await waitFor('the code', () => {
      const r = api.getReview(uri);
      return r && r.notes.length === 1 && r;
    });
    assert.deepEqual([coded.notes[0].code, coded.notes[0].memo, coded.notes[0].start, coded.notes[0].status], ['rights', 'a right of appeal, stated plainly', start, 'position']);
    assert.equal(coded.reviewed?.engagement.matches, automaticEngagement + 1, 'a manual code counts as its own figure');
    assert.deepEqual(offsetsOf(document, api.getDecorations(uri).manual), [[start, end]]);
    const codes = row(api.getReviewRows(uri), 'codes');
    assert.equal(codes.label, 'Manual codes (1)');
    assert.match(codes.children?.[0].description ?? '', /«Residents may appeal to the court» — a right of appeal/);
    assert.match(await hoverText(document, start + 3), /Code: .+\*\* by .+\n\na right of appeal, stated plainly/);
    const item = readStore().first.items[0];
    assert.equal(item.motivation, 'classifying');
    assert.deepEqual(item.body.map((b) => [b.purpose, b.value]), [['classifying', 'rights'], ['commenting', 'a right of appeal, stated plainly']]);

    // Typing before the passage moves the anchor with it.
    const insert = 'Preface added later. ';
    await editor.edit((b) => b.insert(document.positionAt(0), insert));
    await api.whenIdle();
    const moved = await waitFor('the anchor to follow the edit', () => {
      const r = api.getReview(uri);
      return r && r.notes[0]?.start === start + insert.length && r;
    });
    assert.equal(document.getText().slice(moved.notes[0].start, moved.notes[0].end), passage);
    assert.deepEqual(offsetsOf(document, api.getDecorations(uri).manual), [[start + insert.length, end + insert.length]]);
    // Saving stores the new position.
    await document.save();
    await api.whenIdle();
    await waitFor('the stored position to follow', () => readStore().first.items[0].target.selector[1].start === start + insert.length);
  });

  it('re-finds codes after the file changed on disk while closed, and lists the lost one as an orphan', async () => {
    const editor = await open(api, 'closed.txt', TEXT);
    const uri = editor.document.uri;
    const [aStart, aEnd] = spanOf(TEXT, 'keep a blacklist');
    const [bStart, bEnd] = spanOf(TEXT, 'The widget tax applies');
    await vscode.commands.executeCommand('policyLens.codeSelection', { uri: uri.toString(), start: aStart, end: aEnd, code: 'surveillance', memo: 'lists of names' });
    await vscode.commands.executeCommand('policyLens.codeSelection', { uri: uri.toString(), start: bStart, end: bEnd, code: 'sanctions', memo: 'a levy' });
    await api.whenIdle();
    await closeAllEditors();
    // Another program rewrites the file: a paragraph before both passages, and the first passage gone.
    const changed = `A new opening paragraph.\n${TEXT.replace('keep a blacklist', 'publish its reasons')}`;
    fs.writeFileSync(uri.fsPath, changed);
    const reopened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // The host may have kept the document loaded; it then reloads it from disk shortly.
    await waitFor('the document to hold the text on disk', () => reopened.document.getText() === changed);
    await api.whenIdle();
    const review = await waitFor('the reopened review', () => {
      const r = api.getReview(uri);
      return r && r.version === reopened.document.version && r.notes.length === 2 && r;
    });
    const [found, lost] = [review.notes.find((n) => n.code === 'sanctions'), review.notes.find((n) => n.code === 'surveillance')];
    // Found by its quote (or, where the host kept the document and reported the reload as an edit, carried there).
    assert.notEqual(found?.status, 'orphan');
    assert.equal(changed.slice(found?.start, found?.end), 'The widget tax applies');
    assert.equal(lost?.status, 'orphan');
    const orphans = row(api.getReviewRows(uri), 'orphans');
    assert.equal(orphans.label, 'Orphans (1)');
    assert.deepEqual([orphans.children?.[0].label, orphans.children?.[0].description], ['«keep a blacklist»', `${orphans.children?.[0].description?.split(' — ')[0]} — lists of names`]);
    assert.equal(readStore().first.items.length, 2, 'the orphan stays in the store');
  });

  it('exports what the editor shows as reviewed, byte for byte what the CLI reports from the store it wrote', async () => {
    fs.mkdirSync(path.dirname(storeFile()), { recursive: true });
    // A codebook code with a polarity counts in the lean, in the editor and in the CLI alike.
    fs.writeFileSync(path.join(folder(), '.policylens', 'codebook.json'), JSON.stringify({ codes: [{ id: 'kinship', label: 'Kinship', polarity: 'control' }] }));
    const editor = await open(api, 'export.txt', TEXT);
    const uri = editor.document.uri;
    const [mStart, mEnd] = spanOf(TEXT, 'monitor');
    const [cStart, cEnd] = spanOf(TEXT, 'Residents may appeal to the court');
    const [kStart, kEnd] = spanOf(TEXT, 'every firm');
    await vscode.commands.executeCommand('policyLens.rejectMatch', { uri: uri.toString(), start: mStart, end: mEnd, reason: 'cameras' });
    await vscode.commands.executeCommand('policyLens.codeSelection', { uri: uri.toString(), start: cStart, end: cEnd, code: 'rights', memo: 'appeal' });
    await vscode.commands.executeCommand('policyLens.codeSelection', { uri: uri.toString(), start: kStart, end: kEnd, code: 'kinship' });
    await api.whenIdle();
    const review = await waitFor('the reviewed figures', () => {
      const r = api.getReview(uri);
      // The codebook is read when its file appears: the code counts once it is.
      return r && r.notes.find((n) => n.code === 'kinship')?.polarity === 'control' && r.reviewed !== null && r;
    });
    // The Tally view shows both sets of figures, side by side, from the same snapshot.
    await vscode.commands.executeCommand('policyLens.tally.focus');
    await vscode.window.showTextDocument(editor.document, { preview: false });
    // The view posts at most every so often: an earlier post may show the review before its last code.
    const shown = await waitFor('the Tally view to show the reviewed figures', () => {
      const active = api.getSidebar().currentModel()?.active;
      const reviewed = active?.uri === uri.toString() ? active.reviewed : null;
      const caughtUp = reviewed?.codes === 2 && reviewed.control.matches === review.reviewed?.control.matches && reviewed.engagement.matches === review.reviewed?.engagement.matches;
      return caughtUp && active !== null && active !== undefined && active;
    });
    assert.ok(shown.reviewed);
    assert.equal(shown.control.matches, api.getAnalysis(uri)?.tally.control.matches, 'the automatic figures stay');
    assert.deepEqual(
      [shown.reviewed.control.matches, shown.reviewed.engagement.matches, shown.reviewed.lean.index, shown.reviewed.rejected, shown.reviewed.codes],
      [review.reviewed?.control.matches, review.reviewed?.engagement.matches, review.reviewed?.lean.index, 1, 2],
    );
    assert.deepEqual(shown.reviewed.units, review.reviewed?.units);
    const target = path.join(folder(), 'review-test', 'export.policy-lens.json');
    await vscode.commands.executeCommand('policyLens.exportTally', vscode.Uri.file(target));
    const exported = fs.readFileSync(target, 'utf8');
    const doc = (JSON.parse(exported) as { documents: ExportedDocument[] }).documents[0];
    // What the Review view shows is what the export says.
    assert.ok(doc.reviewed, 'the export carries the reviewed figures');
    assert.equal(doc.reviewed.control.matches, review.reviewed?.control.matches);
    assert.equal(doc.reviewed.engagement.matches, review.reviewed?.engagement.matches);
    assert.deepEqual(doc.reviewed.units, review.reviewed?.units);
    assert.equal(doc.reviewed.control.matches, doc.control.matches, 'one control match rejected, one control code added');
    assert.equal(doc.reviewed.engagement.matches, doc.engagement.matches + 1);
    assert.deepEqual(doc.annotations.filter((a) => a.review !== null).map((a) => [a.text, a.review, a.origin]), [['monitor', 'rejected', 'lexicon']]);
    assert.deepEqual(doc.annotations.filter((a) => a.origin === 'manual').map((a) => [a.text, a.category, a.ruleDetail]), [['Residents may appeal to the court', 'rights', 'appeal'], ['every firm', 'kinship', null]]);
    // The CLI reads the store the editor wrote and reports the same, byte for byte.
    assert.equal(exported, cli(path.join('review-test', 'export.txt')));
    assert.equal(await vscode.commands.executeCommand<string>('policyLens.copyTally'), exported);
  });

  it('never overwrites a malformed store, and names its line and column', async () => {
    const editor = await open(api, 'malformed.txt', TEXT);
    fs.mkdirSync(path.dirname(storeFile()), { recursive: true });
    const broken = '{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  "type": "AnnotationCollection"\n  "total": 0\n}\n';
    fs.writeFileSync(storeFile(), broken);
    const [start, end] = spanOf(TEXT, 'monitor');
    // Writing re-reads the store first, so the problem is found even before the file watcher reports the change.
    await vscode.commands.executeCommand('policyLens.acceptMatch', { uri: editor.document.uri.toString(), start, end });
    await api.whenIdle();
    await waitFor('the malformed store to be reported', () => api.getReview(editor.document.uri)?.status.problem);
    assert.equal(fs.readFileSync(storeFile(), 'utf8'), broken);
    assert.ok(api.getNotices().some((n) => /annotations\.json:4:3: invalid JSON/.test(n)), api.getNotices().join('\n'));
    assert.equal(api.getReview(editor.document.uri)?.status.unsaved, 1, 'the review is kept in the window');

    // Declining the overwrite changes nothing.
    const declined = await vscode.commands.executeCommand<OverwriteResult>('policyLens.overwriteAnnotationStore', { uri: editor.document.uri.toString(), confirm: false });
    assert.deepEqual(declined, { result: 'cancelled' });
    assert.equal(fs.readFileSync(storeFile(), 'utf8'), broken);
    // The user fixes the file (here: another window's review in it); the review kept in the window is merged in.
    fs.writeFileSync(storeFile(), storeFromElsewhere('malformed.txt'));
    await waitFor('the kept review to be written once the file is fixed', () => {
      const status = api.getReview(editor.document.uri)?.status;
      return status && status.problem === null && status.unsaved === 0 && readStore().first.items.length === 2;
    });
    assert.deepEqual(readStore().first.items.map((i) => i.body[0].value).sort(), ['accepted', 'accepted']);
  });

  it('replaces a malformed store only when the user confirms, keeping the unreadable file beside it', async () => {
    const editor = await open(api, 'overwrite.txt', TEXT);
    const uri = editor.document.uri;
    fs.mkdirSync(path.dirname(storeFile()), { recursive: true });
    const broken = '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": {"items": [}}\n';
    fs.writeFileSync(storeFile(), broken);
    const [start, end] = spanOf(TEXT, 'blacklist');
    await vscode.commands.executeCommand('policyLens.rejectMatch', { uri: uri.toString(), start, end, reason: 'a list of firms' });
    await api.whenIdle();
    const problem = await waitFor('the malformed store to be reported', () => api.getReview(uri)?.status.problem ?? undefined);
    assert.match(problem, /annotations\.json:1:\d+: /);
    // The notice offers the overwrite; it names the location.
    assert.ok(api.getNotices().some((n) => n.includes(problem) && /until it is fixed or you confirm overwriting it/.test(n)), api.getNotices().join('\n'));
    assert.equal(fs.readFileSync(storeFile(), 'utf8'), broken);

    const done = await vscode.commands.executeCommand<OverwriteResult>('policyLens.overwriteAnnotationStore', { uri: uri.toString(), confirm: true });
    assert.equal(done.result, 'replaced');
    assert.ok(done.backup && path.dirname(done.backup) === path.dirname(storeFile()), JSON.stringify(done));
    assert.equal(fs.readFileSync(done.backup, 'utf8'), broken, 'the unreadable file is kept, byte for byte');
    const stored = readStore();
    assert.deepEqual(stored.first.items.map((i) => [i.motivation, i.body[0].value, i.body[0].entry]), [['assessing', 'rejected', 'blacklist']]);
    assert.deepEqual(fs.readdirSync(path.dirname(storeFile())).filter((f) => !f.endsWith('.bak')), ['annotations.json'], 'no temporary file left');
    const status = api.getReview(uri)?.status;
    assert.deepEqual([status?.problem, status?.unsaved], [null, 0]);
  });

  it('shows a store written by a newer version but never writes it, with a notice', async () => {
    fs.mkdirSync(path.dirname(storeFile()), { recursive: true });
    const newer = storeFromElsewhere('newer.txt', 2);
    fs.writeFileSync(storeFile(), newer);
    const editor = await open(api, 'newer.txt', TEXT);
    const uri = editor.document.uri;
    const shown = await waitFor('the newer store to be read', () => {
      const r = api.getReview(uri);
      return r && r.status.readOnly && r.verdicts.some((v) => v?.value === 'accepted') && r;
    });
    assert.equal(shown.verdicts.find((v) => v)?.creator, 'Other Window');
    const [start, end] = spanOf(TEXT, 'blacklist');
    await vscode.commands.executeCommand('policyLens.rejectMatch', { uri: uri.toString(), start, end });
    await api.whenIdle();
    assert.equal(fs.readFileSync(storeFile(), 'utf8'), newer);
    assert.equal(api.getReview(uri)?.status.unsaved, 1, 'the change is kept in the window');
    assert.ok(api.getNotices().some((n) => /written by a newer version/.test(n)), api.getNotices().join('\n'));
    assert.equal(row(api.getReviewRows(uri), 'readonly').label, 'Store written by a newer version: read-only');
    // Once the newer file is gone, the change kept in the window is written to a store of this version.
    fs.rmSync(storeFile());
    await waitFor('the kept change to be written', () => fs.existsSync(storeFile()) && readStore().first.items.length === 1);
    assert.deepEqual(readStore().first.items.map((i) => [i.body[0].value, i.body[0].entry]), [['rejected', 'blacklist']]);
  });

  it('merges what another window wrote since it last read the store, losing neither', async () => {
    const editor = await open(api, 'windows.txt', TEXT);
    const uri = editor.document.uri;
    const [start, end] = spanOf(TEXT, 'blacklist');
    const mine = await vscode.commands.executeCommand<string>('policyLens.rejectMatch', { uri: uri.toString(), start, end });
    await api.whenIdle();
    // Another window writes the store: its own review, and ours as it read it.
    const other = JSON.parse(storeFromElsewhere('windows.txt')) as StoreJson & { total: number };
    const written = readStore();
    other.first.items.push(...written.first.items);
    other.total = other.first.items.length;
    fs.writeFileSync(storeFile(), JSON.stringify(other, null, 2));
    // Before any file event can arrive, this window writes again: it re-reads first.
    const [aStart, aEnd] = spanOf(TEXT, 'appeal');
    const second = await vscode.commands.executeCommand<string>('policyLens.acceptMatch', { uri: uri.toString(), start: aStart, end: aEnd });
    await api.whenIdle();
    const ids = readStore().first.items.map((i) => (i as { id?: string }).id);
    assert.deepEqual([...ids].sort(), [mine, second, 'urn:uuid:00000000-0000-4000-8000-000000000001'].sort());
  });

  it('adds a memo on a selection: stored as a comment, listed under Memos, navigable, counted nowhere', async () => {
    const editor = await open(api, 'memo.txt', TEXT);
    const document = editor.document;
    const uri = document.uri;
    const passage = 'within ten days';
    const [start, end] = spanOf(TEXT, passage);
    const before = api.getAnalysis(uri)?.tally;
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
    // From the light bulb on the selection, as a user would find it.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, editor.selection);
    const action = actions.find((a) => a.title === 'Policy Lens: Add Memo…');
    assert.ok(action?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(action.command.command, 'policyLens.addMemo');
    const id = await vscode.commands.executeCommand<string>(action.command.command, { memo: 'is ten days enough to appeal?' });
    assert.match(id, /^urn:uuid:/);
    await api.whenIdle();
    const item = await waitFor('the memo in the store', () => fs.existsSync(storeFile()) && readStore().first.items[0]);
    assert.equal(item.motivation, 'commenting');
    assert.deepEqual(item.body.map((b) => [b.purpose, b.value]), [['commenting', 'is ten days enough to appeal?']]);
    assert.equal(item.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact, passage);
    const review = await waitFor('the memo in the review', () => {
      const r = api.getReview(uri);
      return r && r.notes.length === 1 && r;
    });
    assert.deepEqual([review.notes[0].kind, review.notes[0].memo], ['memo', 'is ten days enough to appeal?']);
    assert.equal(review.reviewed?.control.matches, before?.control.matches, 'a memo counts nothing');
    assert.equal(review.reviewed?.engagement.matches, before?.engagement.matches, 'a memo counts nothing');
    assert.deepEqual(offsetsOf(document, api.getDecorations(uri).manual), [[start, end]]);
    assert.match(await hoverText(document, start + 2), /\*\*Memo\*\* by .+\n\nis ten days enough to appeal\\?\?/);
    const rows = api.getReviewRows(uri);
    assert.equal(row(rows, 'codes').label, 'Manual codes (0)');
    const memos = row(rows, 'memos');
    assert.equal(memos.label, 'Memos (1)');
    const listed = memos.children?.[0];
    assert.deepEqual([listed?.label, listed?.description], [`«${passage}»`, 'is ten days enough to appeal?']);
    // Clicking it goes there.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.ok(listed?.command);
    await vscode.commands.executeCommand(listed.command.command, ...(listed.command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), uri.toString());
    assert.deepEqual([document.offsetAt(active.selection.start), document.offsetAt(active.selection.end)], [start, end]);
  });
});
