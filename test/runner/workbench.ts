import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { Cleanup } from './cleanup';
import { RunningServer } from './codeServer';
import { chromiumPath } from './prerequisites';

export interface WorkbenchOptions {
  server: RunningServer;
  /** Folder the workbench opens. */
  workspace: string;
  extensionDevelopmentPath: string;
  /** Module whose `run()` the extension host awaits; its settling ends the host with an exit code. */
  extensionTestsPath: string;
  /** A fresh browser profile folder. */
  profileDir: string;
  /** Page size in CSS pixels; 1440 × 900 unless given. */
  viewport?: { width: number; height: number };
  /** Each extension host console message, formatted like Node's console does. */
  onHostLog: (line: string) => void;
  /** Every other workbench message, for --verbose. */
  onWorkbenchLog?: (line: string) => void;
}

export interface Workbench {
  page: Page;
  /** Resolves with the extension host's exit code once the tests module has settled (1 if the page crashed). */
  hostExit: Promise<number>;
}

/** Names of the page bindings the automation hooks forward to. */
const logBinding = '__policyLensLog';
const exitBinding = '__policyLensExit';

/**
 * Opens the VS Code workbench served by code-server in headless Chromium, with the extension under
 * development and a tests module, and forwards the workbench's automation hooks: VS Code calls
 * `window.codeAutomationLog(type, args)` for console output (the extension host's arrives through
 * `$logExtensionHostMessage`) and `window.codeAutomationExit(code)` when the extension host ends.
 */
export async function openWorkbench(options: WorkbenchOptions, cleanup: Cleanup): Promise<Workbench> {
  const context: BrowserContext = await chromium.launchPersistentContext(options.profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  cleanup.add(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());

  let exit: (code: number) => void = () => undefined;
  const hostExit = new Promise<number>((resolve) => { exit = resolve; });
  page.on('crash', () => {
    console.error('The workbench page crashed.');
    exit(1);
  });
  await page.exposeFunction(exitBinding, (code: unknown) => exit(typeof code === 'number' ? code : 1));
  await page.exposeFunction(logBinding, (fromHost: unknown, args: unknown) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (fromHost === true) options.onHostLog(line);
    else options.onWorkbenchLog?.(line);
  });
  await page.addInitScript(hookAutomation, { logBinding, exitBinding });

  const payload = [
    ['extensionDevelopmentPath', options.server.remoteUri(path.resolve(options.extensionDevelopmentPath))],
    ['extensionTestsPath', options.server.remoteUri(path.resolve(options.extensionTestsPath))],
    ['skipWelcome', 'true'],
  ];
  const query = new URLSearchParams({ folder: options.workspace, payload: JSON.stringify(payload) });
  // A loaded machine can take over Playwright's 30 s default to serve the workbench's first page.
  await page.goto(`http://127.0.0.1:${options.server.port}/?${query.toString()}`, { timeout: 120_000 });
  return { page, hostExit };
}

/** Runs in the page before the workbench loads. */
function hookAutomation(names: { logBinding: string; exitBinding: string }): void {
  const target = window as unknown as Record<string, unknown>;
  const call = (name: string, ...args: unknown[]): void => {
    const binding = target[name];
    if (typeof binding === 'function') binding(...args);
  };
  // Arguments cross into Node as JSON; anything that does not survive that is sent as text.
  const portable = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    try {
      return JSON.parse(JSON.stringify(value)) as unknown;
    } catch {
      return String(value);
    }
  };
  target.codeAutomationLog = (_type: string, args: unknown[]): void => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 100;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    call(names.logBinding, stack.includes('$logExtensionHostMessage'), Array.from(args ?? [], portable));
  };
  target.codeAutomationExit = (code: number): void => call(names.exitBinding, code);
}
