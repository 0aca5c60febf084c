// The real-host runner's bench mode (`npm run bench:host`, and the host rows of `npm run bench`): loaded by the
// extension host from --extensionTestsPath instead of the integration suite. It drives the extension through the
// VS Code API in a real host and prints one figure per console line (figurePrefix) for the runner to collect.
// A stall probe (test/integration/stallProbe.ts) runs inside the extension host while the extension works.
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../src/extension/api';
import { englishText } from '../bench/corpus';
import { Figure, figure, figurePrefix, median, quantile } from '../bench/figures';
import { StallProbe } from '../integration/stallProbe';
import { formatUserAction, type TypeTextResult, type WatchTextResult } from '../runner/userActionProtocol';

const MB = 1e6;
const EXTENSION_ID = 'policy-lens.policy-lens';

interface Plan {
  openReps: number;
  typingReps: number;
  keystrokes: number;
  keystrokeIntervalMs: number;
  openDoc: number;
  manyDocs: { count: number; size: number };
}

function planFrom(env: NodeJS.ProcessEnv): Plan {
  const quick = env.POLICY_LENS_BENCH_QUICK === '1';
  return {
    openReps: quick ? 2 : 5,
    typingReps: quick ? 1 : 3,
    keystrokes: 100,
    keystrokeIntervalMs: 30,
    openDoc: 5 * MB,
    manyDocs: quick ? { count: 10, size: 1 * MB } : { count: 30, size: 1 * MB },
  };
}

/** A progress line on the runner's standard error. */
function step(what: string): void {
  console.log(`host bench: ${what}`);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `check` holds, tested now and at every update of the extension and every millisecond. */
function until(api: PolicyLensApi, what: string, check: () => boolean, timeoutMs = 120_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const finish = (): boolean => {
      if (!check()) return false;
      cleanup();
      resolve(performance.now());
      return true;
    };
    const subscription = api.onDidUpdate(() => void finish());
    const poll = setInterval(() => void finish(), 1);
    const timeout = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const cleanup = (): void => {
      subscription.dispose();
      clearInterval(poll);
      clearTimeout(timeout);
    };
    finish();
  });
}

async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Waits up to `timeoutMs` for the extension host to let go of the documents (VS Code disposes a closed editor's
 * model when it sees fit), and returns how many it still holds.
 */
async function documentsClosed(uris: vscode.Uri[], timeoutMs: number): Promise<number> {
  const keys = new Set(uris.map((u) => u.toString()));
  const held = (): number => vscode.workspace.textDocuments.filter((d) => keys.has(d.uri.toString())).length;
  const deadline = performance.now() + timeoutMs;
  while (held() > 0 && performance.now() < deadline) await sleep(50);
  return held();
}

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** The live heap after full collections (several, so that weak references and finalizers settle). */
async function liveHeap(gc: () => void): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(20);
  }
  return process.memoryUsage().heapUsed;
}

function visibleHighlighted(api: PolicyLensApi, editor: vscode.TextEditor): boolean {
  const visible = editor.visibleRanges[0];
  if (!visible) return false;
  const drawn = api.getDecorations(editor.document.uri);
  return [...drawn.control, ...drawn.engagement].some((r) => r.intersection(visible) !== undefined);
}

/** Opening a 5 MB document: the host's own time to show it, our time to highlight what is visible, the lag while the rest is analysed. */
async function opening(api: PolicyLensApi, dir: string, plan: Plan): Promise<Figure[]> {
  const text = englishText(20260301, plan.openDoc);
  const hostOpen: number[] = [];
  const ourOpen: number[] = [];
  const highlight: number[] = [];
  const stall: number[] = [];
  const lag: number[] = [];
  const complete: number[] = [];
  for (let rep = 0; rep < plan.openReps; rep++) {
    // The same text under a name the extension ignores (the Log language), opened first in each repetition.
    const ignored = vscode.Uri.file(path.join(dir, `ignored-${rep}.log`));
    const annotated = vscode.Uri.file(path.join(dir, `open-${rep}.txt`));
    fs.writeFileSync(ignored.fsPath, text);
    fs.writeFileSync(annotated.fsPath, text);
    let start = performance.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(ignored), { preview: false });
    hostOpen.push(performance.now() - start);
    await closeAllEditors();
    await sleep(200);

    start = performance.now();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(annotated), { preview: false });
    const shown = performance.now();
    ourOpen.push(shown - start);
    const probe = new StallProbe();
    const highlighted = await until(api, 'the visible range highlighted', () => visibleHighlighted(api, editor));
    highlight.push(Math.max(0, highlighted - shown));
    // whenIdle, not getAnalysis, while measuring: getAnalysis copies every annotation into objects.
    await api.whenIdle();
    complete.push(performance.now() - shown);
    const stalls = probe.stop();
    stall.push(Math.max(...stalls));
    lag.push(Math.max(...probe.lags));
    // Where the longest stalls fell, beside what the extension did meanwhile.
    const longest = stalls.map((ms, i) => ({ ms, end: probe.ends[i] })).sort((a, b) => b.ms - a.ms).slice(0, 3);
    const asked = api.getSectionRequests().filter((r) => r.uri === annotated.toString() && r.answered >= shown);
    step(`opening ${rep}: longest stalls ${longest.map((s) => `${s.ms.toFixed(1)} ms ending at +${Math.round(s.end - shown)}`).join(', ')}; analysed at +${Math.round(complete[complete.length - 1])}; ${asked.map((r) => `${r.kind} asked +${Math.round(r.asked - shown)} answered +${Math.round(r.answered - shown)} built ${r.builtMs.toFixed(1)} ms`).join('; ')}`);
    if (api.getAnalysis(annotated)?.complete !== true) throw new Error('the opened document was not analysed completely');
    await closeAllEditors();
  }
  const size = `${plan.openDoc / MB} MB`;
  const hostMedian = median(hostOpen);
  return [
    figure(`host opens and shows a ${size} document the extension ignores`, hostOpen, 'ms', 'reference', null),
    figure(`host opens and shows a ${size} document the extension annotates`, ourOpen, 'ms', 'info', null, median(ourOpen) / hostMedian),
    figure(`visible range of a ${size} document highlighted, after the editor is shown`, highlight, 'ms', '<= 100', (m) => m <= 100),
    figure(`longest extension-host stall while the rest of ${size} is analysed`, stall, 'ms', '<= 50', (m) => m <= 50),
    figure(`  longest event-loop lag meanwhile (the stall plus any wait for a core)`, lag, 'ms', 'info', null),
    figure(`  whole ${size} document analysed, after the editor is shown`, complete, 'ms', 'info', null),
  ];
}

/** 100 keystrokes 30 ms apart in a 5 MB document, with the sidebar visible and the outline asked for after each burst. */
async function typing(api: PolicyLensApi, dir: string, plan: Plan): Promise<Figure[]> {
  const text = englishText(20260302, plan.openDoc);
  const debounce = vscode.workspace.getConfiguration('policyLens').get<number>('debounceMs') ?? 150;
  const stallP95: number[] = [];
  const ignoredStallP95: number[] = [];
  const lagP95: number[] = [];
  const lagMax: number[] = [];
  const upToDate: number[] = [];
  const highlightsAfter: number[] = [];
  const sidebarAfter: number[] = [];
  const outlineAfter: number[] = [];
  const ourOutline: number[] = [];
  /** Per repetition: the symbols command's time after our answer, less the replay's after its answer. */
  const unexplained: number[] = [];
  const oursUpToDate: number[] = [];
  const typedIn: number[] = [];
  const typedIgnored: number[] = [];
  const account = new OutlineAccount();
  // POLICY_LENS_BENCH_DIAG=nosidebar (a diagnostic, not the bench's figure): type with the sidebar not shown.
  const withSidebar = !diagnostics().includes('nosidebar');
  // Diagnostics that each turn off one thing of ours the workbench may work on after the burst, to attribute the
  // symbols command's time after our answer: nohighlights (our decorations cleared before the keys, through the
  // toggle command), nolightbulb (the editor's light bulb off, so the workbench does not ask our code actions as the
  // cursor moves), nomarkdown (the Markdown passes skipped, to make a diagnostic run shorter).
  const withHighlights = !diagnostics().includes('nohighlights');
  const withMarkdown = !diagnostics().includes('nomarkdown');
  const typed = Array.from({ length: plan.keystrokes }, (_, k) => (k % 6 === 5 ? ' ' : String.fromCharCode(97 + (k % 26)))).join('');
  const references = new ReferenceAccount();
  const restore = await referenceSettings();
  const replay = new ReplayOutline(diagnostics(), debounce);
  const replayRegistrations = [
    replay,
    vscode.languages.registerDocumentSymbolProvider(ReplayOutline.selector, replay),
    vscode.languages.registerFoldingRangeProvider(ReplayOutline.selector, replay),
  ];
  try {
    for (let rep = 0; rep < plan.typingReps; rep++) {
      // The reference: the same keys into the same text under a name the extension ignores (the Log language).
      const ignored = vscode.Uri.file(path.join(dir, `typing-${rep}.log`));
      fs.writeFileSync(ignored.fsPath, text);
      const plain = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(ignored), { preview: false });
      const plainLine = Math.min(plain.document.lineCount - 1, (plain.visibleRanges[0]?.start.line ?? 0) + 10);
      plain.selection = new vscode.Selection(plainLine, 5, plainLine, 5);
      await sleep(500);
      // The host's own lag: the same probe over the same keys and commands, into a document the extension ignores.
      const plainProbe = new StallProbe();
      typedIgnored.push(await typeKeys(typed, plan.keystrokeIntervalMs, path.join(dir, `typed-ignored-${rep}.json`)));
      // The host's own share: the same commands on the ignored document after the same wait as the debounce.
      await sleep(debounce);
      account.ignored.push(await outlineCommands(ignored));
      ignoredStallP95.push(quantile(plainProbe.stop(), 0.95));
      await closeAllEditors();

      const uri = vscode.Uri.file(path.join(dir, `typing-${rep}.txt`));
      fs.writeFileSync(uri.fsPath, text);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      await api.whenIdle();
      step(`typing ${rep}: document analysed`);
      if (!withHighlights) await vscode.commands.executeCommand('policyLens.toggleHighlights');
      if (withSidebar) {
        await vscode.commands.executeCommand('policyLens.showTally');
        // The webview may take the focus as it loads: focus the editor again only once it has loaded and shown a model.
        await until(api, 'the sidebar loaded', () => api.getSidebar().isWebviewReady() && api.getSidebar().currentModel() !== undefined);
        step(`typing ${rep}: sidebar shown`);
      }
      await vscode.window.showTextDocument(editor.document, { preview: false, preserveFocus: false });
      // Type inside a sentence a few lines down the visible part.
      const line = Math.min(editor.document.lineCount - 1, (editor.visibleRanges[0]?.start.line ?? 0) + 10);
      const at = new vscode.Position(line, Math.min(5, editor.document.lineAt(line).text.length));
      editor.selection = new vscode.Selection(at, at);
      await sleep(500);
      await api.whenIdle();
      step(`typing ${rep}: cursor placed`);

      let lastChange = 0;
      let changes = 0;
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString() && e.contentChanges.length > 0) {
          lastChange = performance.now();
          changes++;
        }
      });
      const sidebarBefore = api.getSidebar().currentModel();
      const probe = new StallProbe();
      const start = performance.now();
      // The runner types on the keyboard (Playwright), a key every 30 ms, as a user types: the editor applies each key
      // at once and the extension host hears of it afterwards. Edits made through the API instead waited each for a
      // round trip to the workbench, so any delay there slowed the typing itself and let the debounce end after every
      // key, which no user's typing does.
      const elapsedMs = await typeKeys(typed, plan.keystrokeIntervalMs, path.join(dir, `typed-${rep}.json`));
      const deadline = performance.now() + 30_000;
      while (changes < plan.keystrokes) {
        if (performance.now() > deadline) throw new Error(`only ${changes} of ${plan.keystrokes} keystrokes reached the extension host`);
        await sleep(2);
      }
      typedIn.push(elapsedMs);
      step(`typing ${rep}: ${plan.keystrokes} keystrokes typed in ${elapsedMs} ms, the last heard ${Math.round(lastChange - start)} ms after the first was sent`);
      const got = editor.document.lineAt(line).text.slice(at.character, at.character + typed.length);
      if (got !== typed) throw new Error(`the keys did not land at the cursor: ${JSON.stringify(got)}`);
      const version = editor.document.version;
      // The store settles its waiters after it published the last version and the highlights were redrawn.
      await api.whenIdle();
      const highlighted = performance.now();
      // The store publishes nothing while the debounce runs, so the first model posted after the burst is the last version's.
      step(`typing ${rep}: highlights up to date`);
      const sidebarShown = withSidebar ? await until(api, 'the sidebar updated', () => api.getSidebar().currentModel() !== sidebarBefore) : highlighted;
      step(`typing ${rep}: sidebar up to date`);
      const askedSymbols = performance.now();
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      const askedFolds = performance.now();
      const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
      const outlined = performance.now();
      const stalls = probe.stop();
      const lags = probe.lags;
      listener.dispose();
      if (!symbols || symbols.length === 0 || !folds) throw new Error('the outline of the typed document is empty');
      if (api.getAnalysis(uri)?.version !== version) throw new Error('the analysis is not of the last version typed');
      const debounceEnd = lastChange + debounce;
      // The window on the monotonic clock CPU profiles use (µs), to find it in the workbench's profile.
      const clock = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;
      const mono = (t: number): number => Math.round(clock + t * 1000);
      const ourSymbols = api.getSectionRequests().find((r) => r.uri === uri.toString() && r.kind === 'symbols' && r.asked >= askedSymbols && r.answered <= askedFolds);
      step(`typing ${rep}: µs: keys from ${mono(start)}, debounce ended ${mono(debounceEnd)}, highlights ${mono(highlighted)}, sidebar ${mono(sidebarShown)}, symbols sent ${mono(askedSymbols)}, symbols answered by us ${ourSymbols ? mono(ourSymbols.answered) : '-'}, folding sent ${mono(askedFolds)}, outline answered ${mono(outlined)}`);
      for (const r of api.getSectionRequests().filter((q) => q.uri === uri.toString() && q.asked >= lastChange - 2000)) {
        step(`typing ${rep}: ${r.kind} v${r.version} (last ${version}) asked ${Math.round(r.asked - debounceEnd)} answered ${Math.round(r.answered - debounceEnd)} built ${r.builtMs.toFixed(1)} ms, ${r.count} items`);
      }
      account.add(api, uri, version, debounceEnd, { symbols: [askedSymbols, askedFolds], folding: [askedFolds, outlined] });
      account.payload.push(JSON.stringify(symbols).length / 1000, JSON.stringify(folds).length / 1000);
      account.again.push(await outlineCommands(uri));
      account.ping.push(await roundTrip());
      stallP95.push(quantile(stalls, 0.95));
      lagP95.push(quantile(lags, 0.95));
      lagMax.push(Math.max(...lags));
      highlightsAfter.push(highlighted - debounceEnd);
      sidebarAfter.push(sidebarShown - debounceEnd);
      outlineAfter.push(outlined - debounceEnd);
      upToDate.push(Math.max(highlighted, sidebarShown, outlined) - debounceEnd);
      const ours = ourOutlineAnswers(api, uri, version, debounceEnd);
      ourOutline.push(ours);
      oursUpToDate.push(Math.max(highlighted - debounceEnd, sidebarShown - debounceEnd, ours));
      if (!withHighlights) await vscode.commands.executeCommand('policyLens.toggleHighlights');
      await closeAllEditors();

      // References: the same keys and commands where another provider gives the outline (see referencePass).
      replay.use(symbols, folds);
      if (withMarkdown) references.add('markdown', await referencePass(api, dir, rep, 'markdown', markdownText(text), typed, plan, debounce));
      const replayed = await referencePass(api, dir, rep, 'replay', text, typed, plan, debounce, replay);
      references.add('replay', replayed);
      if (ourSymbols && replayed.symbolsFromProvider !== undefined) unexplained.push(askedFolds - ourSymbols.answered - replayed.symbolsFromProvider);
      // What a user sees: the Outline view and breadcrumbs after typing into a heading, ours and Markdown's.
      references.addShown('ours', await headingShown(api, dir, rep, 'ours', text, typed, plan));
      // A reference only: a pass that loses a key (seen once in six) is reported and left out, not the whole bench.
      if (withMarkdown) await headingShown(api, dir, rep, 'markdown', markdownText(text), typed, plan).then(
        (run) => references.addShown('markdown', run),
        async (err: unknown) => {
          step(`typing ${rep}: heading markdown left out: ${err instanceof Error ? err.message : String(err)}`);
          await closeAllEditors();
        },
      );
      // The heading passes showed the Explorer: the next passes type with the tally view shown, as before them.
      if (withSidebar) await vscode.commands.executeCommand('policyLens.showTally');
    }
  } finally {
    for (const r of replayRegistrations) r.dispose();
    await restore();
  }
  const quiet = await lagWithoutMergeConflictScans(api, dir, plan, text, typed);
  const doc = `${plan.keystrokes} keystrokes ${plan.keystrokeIntervalMs} ms apart in ${plan.openDoc / MB} MB`;
  return [
    figure(`extension-host event-loop lag p95 (capped by its thread's CPU time), ${doc}, into a document the extension ignores`, ignoredStallP95, 'ms', 'reference', null),
    figure(`  the same into the annotated document (VS Code's defaults)`, stallP95, 'ms', 'info', null, median(stallP95) / median(ignoredStallP95)),
    figure(`  the same into the ignored document, VS Code's merge-conflict scans off`, quiet.ignored, 'ms', 'reference', null),
    figure(`extension-host event-loop lag p95 (capped by its thread's CPU time), ${doc}, VS Code's merge-conflict scans off`, quiet.annotated, 'ms', '<= 16', (m) => m <= 16, median(quiet.annotated) / median(quiet.ignored)),
    figure(`  extension-host event-loop lag p95, wall clock, ${doc}`, lagP95, 'ms', 'info', null),
    figure(`  extension-host event-loop lag, longest, wall clock, ${doc}`, lagMax, 'ms', 'info', null),
    figure(`highlights, sidebar and outline up to date after the debounce ends (ours: highlights drawn, sidebar posted, our outline providers answered the last version), ${doc}`, oursUpToDate, 'ms', '<= 50', (m) => m <= 50),
    figure('  of which highlights', highlightsAfter, 'ms', 'info', null),
    figure('  of which sidebar posted', sidebarAfter, 'ms', 'info', null),
    figure('  of which our outline providers answered the last version (after the debounce, or after being asked if later)', ourOutline, 'ms', 'info', null),
    figure(`  the same, outline and folding read through the API commands (VS Code's share included; see the references below)`, upToDate, 'ms', 'info', null),
    figure('    of which the two commands answered', outlineAfter, 'ms', 'info', null),
    ...account.figures(),
    ...references.figures(),
    figure(`  the symbols command after our answer, less the replay's after its answer (same payload, same moment after the debounce; the page drawing and taking in messages for the annotated document, docs/performance-notes.md)`, unexplained.length > 0 ? unexplained : [NaN], 'ms', 'info', null),
    figure(`  the ${plan.keystrokes} keys typed in, into the same text under a name the extension ignores`, typedIgnored, 'ms', 'reference', null),
    figure(`  the ${plan.keystrokes} keys typed in (${(plan.keystrokes - 1) * plan.keystrokeIntervalMs} ms when nothing holds the workbench up)`, typedIn, 'ms', 'info', null, median(typedIn) / median(typedIgnored)),
  ];
}

/**
 * The typing lag with VS Code's merge-conflict extension not scanning documents. With its defaults it reads a changed
 * document's whole text in the same extension host after edits, and typing into a 5 MB document the extension
 * ignores lags as much as into one it annotates (docs/performance-notes.md): the row above cannot tell our share.
 * Here the same keys go into each document again with its code lens and decorators off, the settings it scans for.
 */
async function lagWithoutMergeConflictScans(api: PolicyLensApi, dir: string, plan: Plan, text: string, typed: string): Promise<{ annotated: number[]; ignored: number[] }> {
  const settings = vscode.workspace.getConfiguration('merge-conflict');
  await settings.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
  await settings.update('decorators.enabled', false, vscode.ConfigurationTarget.Global);
  const annotated: number[] = [];
  const ignored: number[] = [];
  try {
    for (let rep = 0; rep < plan.typingReps; rep++) {
      for (const [name, into] of [[`quiet-${rep}.log`, ignored], [`quiet-${rep}.txt`, annotated]] as const) {
        const uri = vscode.Uri.file(path.join(dir, name));
        fs.writeFileSync(uri.fsPath, text);
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
        await api.whenIdle();
        const line = Math.min(editor.document.lineCount - 1, (editor.visibleRanges[0]?.start.line ?? 0) + 10);
        editor.selection = new vscode.Selection(line, 5, line, 5);
        await sleep(500);
        await api.whenIdle();
        const version = editor.document.version;
        const probe = new StallProbe();
        await typeKeys(typed, plan.keystrokeIntervalMs, path.join(dir, `typed-${name}.json`));
        const deadline = performance.now() + 30_000;
        while (editor.document.version < version + plan.keystrokes) {
          if (performance.now() > deadline) throw new Error(`the keystrokes did not all reach the extension host (${name})`);
          await sleep(2);
        }
        await api.whenIdle();
        into.push(quantile(probe.stop(), 0.95));
        await closeAllEditors();
      }
    }
  } finally {
    await settings.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('decorators.enabled', undefined, vscode.ConfigurationTarget.Global);
  }
  return { annotated, ignored };
}

/** The diagnostics asked for in POLICY_LENS_BENCH_DIAG (comma-separated), which change what a scenario does. */
function diagnostics(): string[] {
  return (process.env.POLICY_LENS_BENCH_DIAG ?? '').split(',').filter((d) => d.length > 0);
}

/** Time of one call of each outline command (document symbols, then folding ranges) from the extension host, ms. */
async function outlineCommands(uri: vscode.Uri): Promise<number> {
  const start = performance.now();
  await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', uri);
  return performance.now() - start;
}

/** A command's round trip from the extension host to the workbench and back, with nothing to compute (median of 3), ms. */
async function roundTrip(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await vscode.commands.executeCommand('setContext', 'policyLens.benchRoundTrip', i);
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Our outline providers' own time for the last version typed: per kind (symbols, folding), the first request for it
 * that got an answer (the workbench's own or the bench's command), from the end of the debounce, or from the request
 * if it came later (VS Code asks after debounces of its own), until our answer; the later of the two kinds, ms.
 */
function ourOutlineAnswers(api: PolicyLensApi, uri: vscode.Uri, version: number, debounceEnd: number): number {
  const answered = api.getSectionRequests().filter((r) => r.uri === uri.toString() && r.version === version && r.count >= 0);
  let latest = 0;
  for (const kind of ['symbols', 'folding'] as const) {
    const first = answered.find((r) => r.kind === kind);
    if (!first) throw new Error(`our ${kind} provider never answered version ${version}`);
    latest = Math.max(latest, first.answered - Math.max(first.asked, debounceEnd));
  }
  return latest;
}

/** The bench's text as Markdown: each chapter heading a `#` heading, so VS Code's Markdown extension gives as many symbols. */
function markdownText(text: string): string {
  return text.replace(/^Chapter /gm, '# Chapter ');
}

/**
 * Settings for the reference passes, undone by the function returned: Policy Lens leaves Markdown to VS Code's own
 * provider (its default includes Markdown), and Markdown keeps the editor's default of no word wrap, as plain text.
 */
async function referenceSettings(): Promise<() => Promise<void>> {
  const ours = vscode.workspace.getConfiguration('policyLens');
  const languages = ours.get<string[]>('languages') ?? [];
  await ours.update('languages', languages.filter((l) => l !== 'markdown'), vscode.ConfigurationTarget.Global);
  const markdownEditor = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
  await markdownEditor.update('wordWrap', 'off', vscode.ConfigurationTarget.Global, true);
  const lightbulb = diagnostics().includes('nolightbulb');
  if (lightbulb) await vscode.workspace.getConfiguration('editor').update('lightbulb.enabled', 'off', vscode.ConfigurationTarget.Global);
  return async () => {
    if (lightbulb) await vscode.workspace.getConfiguration('editor').update('lightbulb.enabled', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('policyLens').update('languages', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('wordWrap', undefined, vscode.ConfigurationTarget.Global, true);
  };
}

/**
 * A provider that answers with the symbols and folding ranges our provider gave for the annotated document (copied as
 * an extension would build them, without the API command's `location`), with no analysis behind them: what the
 * workbench does with the same payload. Like ours, it answers once the document has had no change for the debounce
 * (ours waits for the store's pending analysis), so the workbench's own requests for the last version come back at the
 * same moment as ours; with POLICY_LENS_BENCH_DIAG=replay-instant it answers at once. Registered for `replay-*.log`
 * only. With replay-nodetail it gives the symbols with empty details, with replay-half the first half of them.
 */
class ReplayOutline implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider, vscode.Disposable {
  static readonly selector: vscode.DocumentSelector = { language: 'log', pattern: '**/replay-*.log' };
  private symbols: vscode.DocumentSymbol[] = [];
  private folds: vscode.FoldingRange[] = [];
  private lastChange = 0;
  private readonly listener: vscode.Disposable;
  readonly requests: { kind: 'symbols' | 'folding'; version: number; asked: number; answered: number }[] = [];

  constructor(
    private readonly diag: string[],
    private readonly debounceMs: number,
  ) {
    this.listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (vscode.languages.match(ReplayOutline.selector, e.document) > 0 && e.contentChanges.length > 0) this.lastChange = performance.now();
    });
  }

  dispose(): void {
    this.listener.dispose();
  }

  /** Resolves once the document has had no change for the debounce, as our provider's wait for the store does. */
  private async quiet(token: vscode.CancellationToken): Promise<boolean> {
    if (this.diag.includes('replay-instant')) return true;
    for (;;) {
      const left = this.lastChange + this.debounceMs - performance.now();
      if (left <= 0) break;
      await sleep(left);
    }
    return !token.isCancellationRequested;
  }

  use(symbols: readonly vscode.DocumentSymbol[], folds: readonly vscode.FoldingRange[]): void {
    const copy = (s: vscode.DocumentSymbol): vscode.DocumentSymbol => {
      const symbol = new vscode.DocumentSymbol(s.name, this.diag.includes('replay-nodetail') ? '' : s.detail, s.kind, s.range, s.selectionRange);
      symbol.children = s.children.map(copy);
      return symbol;
    };
    const kept = this.diag.includes('replay-half') ? symbols.slice(0, Math.ceil(symbols.length / 2)) : symbols;
    this.symbols = kept.map(copy);
    this.folds = folds.map((f) => new vscode.FoldingRange(f.start, f.end, f.kind));
  }

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    const asked = performance.now();
    const version = document.version;
    const answer = (await this.quiet(token)) && document.version === version ? this.symbols.slice() : undefined;
    this.requests.push({ kind: 'symbols', version, asked, answered: performance.now() });
    return answer;
  }

  async provideFoldingRanges(document: vscode.TextDocument, _context: vscode.FoldingContext, token: vscode.CancellationToken): Promise<vscode.FoldingRange[] | undefined> {
    const asked = performance.now();
    const version = document.version;
    const answer = (await this.quiet(token)) && document.version === version ? this.folds.slice() : undefined;
    this.requests.push({ kind: 'folding', version, asked, answered: performance.now() });
    return answer;
  }
}

/** What one reference pass measured (ms, KB, symbols). */
interface ReferenceRun {
  symbols: number;
  folding: number;
  /** Both commands again for the same version. */
  again: number;
  payloadKB: number;
  count: number;
  /** For the replay: command sent until the provider was called, and from its answer until the command resolved. */
  symbolsToProvider?: number;
  symbolsFromProvider?: number;
  workbenchAsked?: number;
}

/** Places the cursor where the typing scenario types: inside a sentence ten lines down the visible part. */
function placeCursor(editor: vscode.TextEditor): void {
  const line = Math.min(editor.document.lineCount - 1, (editor.visibleRanges[0]?.start.line ?? 0) + 10);
  const at = new vscode.Position(line, Math.min(5, editor.document.lineAt(line).text.length));
  editor.selection = new vscode.Selection(at, at);
}

/**
 * Types `keys` into the focused editor and waits until the extension host heard every one (`landed` holds: the text
 * shows them all, however the host grouped the changes into events): when it heard the last change.
 */
async function typeAndHear(document: vscode.TextDocument, keys: string, plan: Plan, out: string, landed: () => boolean): Promise<number> {
  let lastChange = 0;
  const listener = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === document && e.contentChanges.length > 0) lastChange = performance.now();
  });
  try {
    await typeKeys(keys, plan.keystrokeIntervalMs, out);
    const deadline = performance.now() + 30_000;
    while (!landed()) {
      if (performance.now() > deadline) throw new Error(`the keys did not all reach the extension host (${out})`);
      await sleep(2);
    }
  } finally {
    listener.dispose();
  }
  return lastChange;
}

/**
 * A reference for the typing row's outline commands: the same keys typed into the same text where the outline comes
 * from another provider, then the same two commands after the same wait. `markdown`: the text as Markdown, outlined
 * by VS Code's built-in Markdown extension (869 `#` headings, as many symbols as ours). `replay`: the text as an
 * ignored `.log` whose outline is our last answer, given at once (ReplayOutline). Policy Lens annotates neither.
 */
async function referencePass(api: PolicyLensApi, dir: string, rep: number, kind: 'markdown' | 'replay', text: string, typed: string, plan: Plan, debounce: number, replay?: ReplayOutline): Promise<ReferenceRun> {
  const uri = vscode.Uri.file(path.join(dir, kind === 'markdown' ? `reference-${rep}.md` : `replay-${rep}.log`));
  fs.writeFileSync(uri.fsPath, text);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  if (api.getStatus(uri) === 'annotated') throw new Error(`the ${kind} reference is annotated by Policy Lens`);
  placeCursor(editor);
  const { line, character } = editor.selection.active;
  const before = editor.document.lineAt(line).text;
  const expected = `${before.slice(0, character)}${typed}${before.slice(character)}`;
  await sleep(500);
  const lastChange = await typeAndHear(editor.document, typed, plan, path.join(dir, `typed-${kind}-${rep}.json`), () => editor.document.lineAt(line).text === expected);
  const version = editor.document.version;
  await sleep(Math.max(0, lastChange + debounce - performance.now()));
  const askedSymbols = performance.now();
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
  const askedFolds = performance.now();
  const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
  const done = performance.now();
  if (!symbols || symbols.length === 0 || !folds) throw new Error(`the ${kind} reference has no outline`);
  const again = await outlineCommands(uri);
  const run: ReferenceRun = {
    symbols: askedFolds - askedSymbols,
    folding: done - askedFolds,
    again,
    payloadKB: JSON.stringify(symbols).length / 1000,
    count: countAll(symbols),
  };
  if (replay) {
    const ours = replay.requests.find((r) => r.kind === 'symbols' && r.version === version && r.asked >= askedSymbols && r.answered <= askedFolds);
    if (ours) {
      run.symbolsToProvider = ours.asked - askedSymbols;
      run.symbolsFromProvider = askedFolds - ours.answered;
      // On the monotonic clock of CPU profiles and traces (µs), to find the window in the workbench's trace.
      const mono = (t: number): number => Math.round(Number(process.hrtime.bigint() / 1000n) - (performance.now() - t) * 1000);
      step(`typing ${rep}: ${kind} reference µs: symbols answered by the provider ${mono(ours.answered)}, folding sent ${mono(askedFolds)}`);
    }
    run.workbenchAsked = replay.requests.filter((r) => r.kind === 'symbols' && r.version === version && r.asked < askedSymbols).length;
  }
  step(`typing ${rep}: ${kind} reference: symbols ${Math.round(run.symbols)} ms (${run.count}, ${Math.round(run.payloadKB)} KB, first "${symbols[0].name}"), folding ${Math.round(run.folding)} ms (${folds.length}), again ${Math.round(again)} ms`);
  await closeAllEditors();
  return run;
}

function countAll(symbols: readonly vscode.DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + countAll(s.children ?? []), 0);
}

/** Keys typed into a heading: few enough that the line stays a heading with its whole text as the title (60 characters). */
function headingKeys(typed: string): string {
  return ` ${typed.slice(0, 15)}`;
}

/** What the page showed after typing into a heading, on the clock of the extension host (performance.now()), ms. */
interface ShownRun {
  lastChange: number;
  outline: number | null;
  breadcrumbs: number | null;
  /** Our provider: the workbench's first symbols request for the last version, asked and answered. */
  asked?: number;
  answered?: number;
  requests?: number;
}

/**
 * What a user sees after typing: with the Outline view open (it shares the side bar with our tally view, which is
 * therefore hidden here) and breadcrumbs on, the keys typed at the end of the first chapter heading on screen, and the
 * page watched (MutationObserver, runner side) until the Outline view and the breadcrumbs show the heading's new text.
 * No command is sent: the workbench asks the providers itself, after its own debounce.
 */
async function headingShown(api: PolicyLensApi, dir: string, rep: number, kind: 'ours' | 'markdown', text: string, typed: string, plan: Plan): Promise<ShownRun> {
  const uri = vscode.Uri.file(path.join(dir, kind === 'ours' ? `heading-${rep}.txt` : `heading-${rep}.md`));
  fs.writeFileSync(uri.fsPath, text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('outline.focus');
  // The Outline view takes the focus, and keys typed there would filter it: the editor takes it back.
  const editor = await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await api.whenIdle();
  const first = editor.visibleRanges[0]?.start.line ?? 0;
  let line = first;
  while (line < document.lineCount - 1 && !/^(# )?Chapter /.test(document.lineAt(line).text)) line++;
  const heading = document.lineAt(line).text;
  editor.selection = new vscode.Selection(line, heading.length, line, heading.length);
  await sleep(1000);
  await api.whenIdle();
  const keys = headingKeys(typed);
  const expected = `${heading.slice(heading.lastIndexOf('Part '))}${keys}`;
  const out = path.join(dir, `shown-${kind}-${rep}.json`);
  console.log(formatUserAction({ action: 'watchText', selectors: ['.outline-pane', '.breadcrumbs-control'], text: expected, timeoutMs: 30_000, out }));
  await waitForFile(`${out}.armed`, 30_000);
  const lastChange = await typeAndHear(document, keys, plan, path.join(dir, `typed-heading-${kind}-${rep}.json`), () => document.lineAt(line).text === heading + keys).catch((err: unknown) => {
    throw new Error(`${err instanceof Error ? err.message : String(err)}: the heading reads ${JSON.stringify(document.lineAt(line).text)}`);
  });
  const version = document.version;
  await waitForFile(out, 60_000);
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as WatchTextResult;
  // The page's clock is the wall clock; performance.timeOrigin puts the host's on it.
  const local = (t: number | null): number | null => (t === null ? null : t - performance.timeOrigin);
  const run: ShownRun = { lastChange, outline: local(result.shown[0]), breadcrumbs: local(result.shown[1]) };
  if (kind === 'ours') {
    const asked = api.getSectionRequests().filter((r) => r.uri === uri.toString() && r.kind === 'symbols' && r.version === version);
    run.requests = asked.length;
    if (asked.length > 0) {
      run.asked = asked[0].asked;
      run.answered = asked[0].answered;
    }
  }
  const rel = (t: number | null | undefined): string => (t === null || t === undefined ? '-' : `+${Math.round(t - lastChange)}`);
  step(`typing ${rep}: heading ${kind}: last key heard, then our provider asked ${rel(run.asked)} answered ${rel(run.answered)} (${run.requests ?? '-'} requests), Outline shows it ${rel(run.outline)}, breadcrumbs ${rel(run.breadcrumbs)} ms`);
  await closeAllEditors();
  return run;
}

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (performance.now() > deadline) throw new Error(`the runner did not write ${file} within ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** The reference passes' figures, beside the typing row's. */
class ReferenceAccount {
  private readonly runs = new Map<'markdown' | 'replay', ReferenceRun[]>();
  private readonly shown = new Map<'ours' | 'markdown', ShownRun[]>();

  add(kind: 'markdown' | 'replay', run: ReferenceRun): void {
    this.runs.set(kind, [...(this.runs.get(kind) ?? []), run]);
  }

  addShown(kind: 'ours' | 'markdown', run: ShownRun): void {
    this.shown.set(kind, [...(this.shown.get(kind) ?? []), run]);
  }

  figures(): Figure[] {
    const out: Figure[] = [];
    const add = (name: string, values: (number | null | undefined)[], unit: string, target = 'reference'): void => {
      const known = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
      if (known.length > 0) out.push(figure(name, known, unit, target, null));
    };
    const names = { markdown: 'the same text as Markdown (VS Code\'s Markdown extension gives the outline)', replay: 'the same text as an ignored .log, our last outline given by a bench provider after the same debounce, no analysis' };
    for (const [kind, runs] of this.runs) {
      add(`    outline symbols command after typing, ${names[kind]}`, runs.map((r) => r.symbols), 'ms');
      add(`      its folding command`, runs.map((r) => r.folding), 'ms', 'info');
      add(`      both commands again, same version`, runs.map((r) => r.again), 'ms', 'info');
      add(`      symbols as the command returns them`, runs.map((r) => r.count), 'symbols', 'info');
      add(`      payload: the symbols as JSON`, runs.map((r) => r.payloadKB), 'KB', 'info');
      add(`      symbols command sent until the provider was called`, runs.map((r) => r.symbolsToProvider), 'ms', 'info');
      add(`      the provider answered until the command resolved`, runs.map((r) => r.symbolsFromProvider), 'ms', 'info');
      add(`      requests of the workbench for the last version before the bench asked`, runs.map((r) => r.workbenchAsked), 'requests', 'info');
    }
    const ours = this.shown.get('ours') ?? [];
    const markdown = this.shown.get('markdown') ?? [];
    const keys = headingKeys('x'.repeat(15)).length;
    add(`Outline view shows a typed heading's new text, after the workbench asked our provider for the last version (${keys} keys into a heading, 5 MB)`, ours.map((r) => (r.outline !== null && r.asked !== undefined ? r.outline - r.asked : undefined)), 'ms', 'info');
    add(`  of which our provider, asked until it answered`, ours.map((r) => (r.asked !== undefined && r.answered !== undefined ? r.answered - r.asked : undefined)), 'ms', 'info');
    add(`  of which the workbench, our answer until the Outline view showed it`, ours.map((r) => (r.outline !== null && r.answered !== undefined ? r.outline - r.answered : undefined)), 'ms', 'info');
    add(`  breadcrumbs show it, after our answer`, ours.map((r) => (r.breadcrumbs !== null && r.answered !== undefined ? r.breadcrumbs - r.answered : undefined)), 'ms', 'info');
    add(`  last key heard until the workbench asked our provider (VS Code's debounce)`, ours.map((r) => (r.asked !== undefined ? r.asked - r.lastChange : undefined)), 'ms', 'info');
    add(`  workbench requests of our provider for the last version`, ours.map((r) => r.requests), 'requests', 'info');
    add(`  last key heard until the Outline view showed it, ours`, ours.map((r) => (r.outline !== null ? r.outline - r.lastChange : undefined)), 'ms', 'info');
    add(`  last key heard until the Outline view showed it, the same text as Markdown`, markdown.map((r) => (r.outline !== null ? r.outline - r.lastChange : undefined)), 'ms', 'reference');
    add(`  last key heard until the breadcrumbs showed it, ours`, ours.map((r) => (r.breadcrumbs !== null ? r.breadcrumbs - r.lastChange : undefined)), 'ms', 'info');
    add(`  last key heard until the breadcrumbs showed it, the same text as Markdown`, markdown.map((r) => (r.breadcrumbs !== null ? r.breadcrumbs - r.lastChange : undefined)), 'ms', 'reference');
    return out;
  }
}

/**
 * Where the outline's time after the debounce goes: per command, from sending it until the workbench called our
 * provider, our provider's own time (waiting for the store, then building), and from its answer until the command
 * resolved; the workbench's own requests for the same version; the same commands again and on the ignored document.
 */
class OutlineAccount {
  private readonly rows = new Map<string, number[]>();
  readonly payload: number[] = [];
  readonly again: number[] = [];
  readonly ignored: number[] = [];
  readonly ping: number[] = [];

  add(api: PolicyLensApi, uri: vscode.Uri, version: number, debounceEnd: number, sent: Record<'symbols' | 'folding', [number, number]>): void {
    const requests = api.getSectionRequests().filter((r) => r.uri === uri.toString() && r.version === version);
    for (const kind of ['symbols', 'folding'] as const) {
      const [from, to] = sent[kind];
      const ours = requests.find((r) => r.kind === kind && r.asked >= from && r.answered <= to);
      const before = requests.filter((r) => r.kind === kind && r.asked < from);
      this.push(`${kind}: requests of the workbench for the last version before the bench asked`, before.length);
      this.push(`${kind}: the first of them asked, after the debounce ended`, before.length > 0 ? before[0].asked - debounceEnd : NaN);
      this.push(`${kind}: the first of them answered, after the debounce ended`, before.length > 0 ? before[0].answered - debounceEnd : NaN);
      this.push(`${kind}: command sent until our provider was called`, ours ? ours.asked - from : NaN);
      this.push(`${kind}: our provider, called until it answered`, ours ? ours.answered - ours.asked : NaN);
      this.push(`${kind}: of which building the answer`, ours ? ours.builtMs : NaN);
      this.push(`${kind}: our provider answered until the command resolved`, ours ? to - ours.answered : NaN);
      this.push(`${kind}: whole command`, to - from);
    }
  }

  figures(): Figure[] {
    const out: Figure[] = [];
    for (const [name, values] of this.rows) {
      const known = values.filter((v) => !Number.isNaN(v));
      if (known.length > 0) out.push(figure(`    outline ${name}`, known, name.includes('requests') ? 'requests' : 'ms', 'info', null));
    }
    const symbolBytes = this.payload.filter((_, i) => i % 2 === 0);
    const foldingBytes = this.payload.filter((_, i) => i % 2 === 1);
    if (symbolBytes.length > 0) out.push(figure('    outline payload: the symbols as JSON', symbolBytes, 'KB', 'info', null));
    if (foldingBytes.length > 0) out.push(figure('    outline payload: the folding ranges as JSON', foldingBytes, 'KB', 'info', null));
    if (this.again.length > 0) out.push(figure('    outline and folding commands again, same version', this.again, 'ms', 'info', null));
    if (this.ignored.length > 0) out.push(figure('    outline and folding commands on the ignored document after typing (the host\'s own)', this.ignored, 'ms', 'reference', null));
    if (this.ping.length > 0) out.push(figure('    round trip of a command to the workbench (setContext)', this.ping, 'ms', 'info', null));
    return out;
  }

  private push(name: string, value: number): void {
    const values = this.rows.get(name) ?? [];
    values.push(value);
    this.rows.set(name, values);
  }
}

/** Heap figures of one many-documents run: before opening, with every document open, and after they closed. */
interface HeapRun {
  before: number;
  open: number;
  closed: number;
  /** Documents VS Code still held when the wait for them to close ended. */
  held: number;
  /** Seconds from closing the editors until VS Code closed the documents (or the wait ended). */
  closing: number;
}

/**
 * Opens the files as a user does (`vscode.open`, so that no extension holds a reference to their documents), waits
 * until the extension has analysed them, closes every editor and waits for VS Code to close the documents.
 */
async function openAndClose(api: PolicyLensApi, uris: vscode.Uri[], gc: () => void): Promise<HeapRun> {
  const before = await liveHeap(gc);
  for (const uri of uris) await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  const opened = await documentsOpened(uris, 60_000);
  if (opened < uris.length) throw new Error(`only ${opened} of ${uris.length} documents reached the extension host`);
  await api.whenIdle();
  const open = await liveHeap(gc);
  const closeStart = performance.now();
  await closeAllEditors();
  const held = await documentsClosed(uris, 200_000);
  const closing = (performance.now() - closeStart) / 1000;
  await api.whenIdle();
  const closed = await liveHeap(gc);
  await heapSnapshot(`many-${uris[0]?.path.split('.').pop() ?? ''}`);
  return { before, open, closed, held, closing };
}

async function documentsOpened(uris: vscode.Uri[], timeoutMs: number): Promise<number> {
  const keys = new Set(uris.map((u) => u.toString()));
  const count = (): number => vscode.workspace.textDocuments.filter((d) => keys.has(d.uri.toString())).length;
  const deadline = performance.now() + timeoutMs;
  while (count() < uris.length && performance.now() < deadline) await sleep(50);
  return count();
}

/**
 * Has the runner type `text` on the keyboard into the focused editor, a key every `delayMs`, as a user types (the
 * editor applies each key at once; the extension host hears of it afterwards); resolves with the time it took.
 */
async function typeKeys(text: string, delayMs: number, out: string): Promise<number> {
  console.log(formatUserAction({ action: 'typeText', text, delayMs, out }));
  const deadline = performance.now() + 180_000;
  while (!fs.existsSync(out)) {
    if (performance.now() > deadline) throw new Error('the runner did not finish typing within 180 s');
    await sleep(5);
  }
  return (JSON.parse(fs.readFileSync(out, 'utf8')) as TypeTextResult).elapsedMs;
}

/**
 * Many open documents: the extension host's live heap with them open, and after they are closed; the same text
 * under a name the extension ignores first, which measures what VS Code's host holds of a document by itself.
 */
async function manyDocuments(api: PolicyLensApi, dir: string, plan: Plan): Promise<Figure[]> {
  const gc = gcFunction();
  const { count, size } = plan.manyDocs;
  const write = (extension: string): vscode.Uri[] =>
    Array.from({ length: count }, (_, i) => {
      const uri = vscode.Uri.file(path.join(dir, `many-${i}.${extension}`));
      fs.writeFileSync(uri.fsPath, englishText(20260400 + i, size));
      return uri;
    });
  const total = count * size;
  // The engine builds its matchers on first use: one small document first, so that no figure counts them.
  const warm = vscode.Uri.file(path.join(dir, 'many-warm-up.txt'));
  fs.writeFileSync(warm.fsPath, englishText(20260399, 20_000));
  await vscode.commands.executeCommand('vscode.open', warm);
  await documentsOpened([warm], 60_000);
  await api.whenIdle();
  await closeAllEditors();
  const host = await openAndClose(api, write('log'), gc);
  step('many: ignored documents open and closed');
  const uris = write('txt');
  const ours = await openAndClose(api, uris, gc);
  if (ours.held === 0 && !uris.every((u) => api.getAnalysis(u) === undefined)) throw new Error('an analysis outlived its document');
  const growth = (ours.open - ours.before) / total;
  const hostGrowth = (host.open - host.before) / total;
  const left = (ours.closed - ours.before) / total;
  const label = `${count} documents of ${size / MB} MB open`;
  return [
    figure(`extension-host heap growth, the same ${count} documents under a name the extension ignores, over their total size`, [hostGrowth], 'x', 'reference', null, hostGrowth),
    figure(`extension-host heap growth, ${label}, over their total size`, [growth], 'x', '< 3', (m) => m < 3, growth),
    figure(`  of which the extension's (growth minus the ignored documents' growth)`, [growth - hostGrowth], 'x', 'info', null, growth - hostGrowth),
    figure(`extension-host heap left after VS Code closed them, over their total size`, [left], 'x', '<= 0.1', (m) => m <= 0.1, left),
    figure(`  extension-host heap: before, open, closed`, [ours.before / MB, ours.open / MB, ours.closed / MB], 'MB', 'info', null),
    figure(`  VS Code closed the documents after their editors closed (waiting at most 200 s)`, [ours.closing], 's', 'info', null),
    figure(`  documents VS Code still held then`, [ours.held], 'documents', 'info', null),
  ];
}

function post<T>(session: Session, method: string): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result as T))));
}

/** With POLICY_LENS_BENCH_HEAP=DIR, a snapshot of the extension host's heap goes to DIR/NAME.heapsnapshot. */
async function heapSnapshot(name: string): Promise<void> {
  const dir = process.env.POLICY_LENS_BENCH_HEAP;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(path.join(dir, `${name}.heapsnapshot`), 'w');
  const session = new Session();
  session.connect();
  session.on('HeapProfiler.addHeapSnapshotChunk', (m) => fs.writeSync(fd, (m.params as { chunk: string }).chunk));
  try {
    await post(session, 'HeapProfiler.takeHeapSnapshot');
  } finally {
    session.disconnect();
    fs.closeSync(fd);
  }
}

/** With POLICY_LENS_BENCH_PROFILE=DIR, each scenario's CPU profile of the extension host goes to DIR/NAME.cpuprofile. */
async function profiled<T>(name: string, scenario: () => Promise<T>): Promise<T> {
  const dir = process.env.POLICY_LENS_BENCH_PROFILE;
  if (!dir) return scenario();
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.start');
  try {
    return await scenario();
  } finally {
    const { profile } = await post<{ profile: object }>(session, 'Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

export async function run(): Promise<void> {
  const plan = planFrom(process.env);
  const extension = vscode.extensions.getExtension<PolicyLensApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the bench host`);
  const api = await extension.activate();
  await api.whenIdle();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-host-bench-'));
  const report = (figures: Figure[]): void => {
    for (const f of figures) console.log(figurePrefix + JSON.stringify(f));
  };
  try {
    // POLICY_LENS_BENCH_ONLY=opening,typing,many runs only those scenarios.
    const only = process.env.POLICY_LENS_BENCH_ONLY ? process.env.POLICY_LENS_BENCH_ONLY.split(',') : null;
    const scenarios: Record<string, () => Promise<Figure[]>> = {
      opening: () => opening(api, dir, plan),
      typing: () => typing(api, dir, plan),
      many: () => manyDocuments(api, dir, plan),
    };
    for (const [name, scenario] of Object.entries(scenarios)) {
      if (only && !only.includes(name)) continue;
      step(`${name}`);
      report(await profiled(name, scenario));
    }
  } catch (err) {
    // The host reports a failed tests module only by its exit code: say what failed.
    console.error(`host bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    throw err;
  } finally {
    await closeAllEditors();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
