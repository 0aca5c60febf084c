// The configuration service: the typed reader of the `policyLens.*` settings and the one listener for their changes.
// No other module spells a setting key (the keys and defaults are in settingDefaults.ts).
import * as vscode from 'vscode';
import type { LanguageSetting } from '../core/types';
import { SECTION, SETTING_DEFAULTS, SETTING_KEYS, settingId, SettingKey } from './settingDefaults';

export type { SettingKey };
export type LexiconMode = 'add' | 'replace';
export type LabelLanguageSetting = 'auto' | 'en' | 'zh';

export interface Settings {
  readonly enable: boolean;
  readonly languages: readonly string[];
  /** Category ids to highlight; empty means all. */
  readonly categories: readonly string[];
  readonly debounceMs: number;
  readonly maxFileSizeKB: number;
  readonly lexiconFiles: readonly string[];
  readonly lexiconMode: LexiconMode;
  readonly language: LanguageSetting;
  readonly workspaceGlob: string;
  readonly labelLanguage: LabelLanguageSetting;
  /** The name written as `creator` of reviews and codes; empty means the login name. */
  readonly reviewerName: string;
}

function stringArray(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback;
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/**
 * Settings read so far, per scope, while the listener runs: every view reads them on every change of a document, and
 * VS Code's reader costs about a millisecond a time. Emptied on any change of settings or workspace folders.
 */
let cache: Map<string, Settings> | undefined;
/** More scopes than this (one per document) empty the cache rather than grow it. */
const CACHE_SCOPES = 512;

/** Settings for a document (resource-scoped settings may differ per folder) or for the window. */
export function readSettings(scope?: vscode.Uri): Settings {
  if (!cache) return readConfiguration(scope);
  const key = scope?.toString() ?? '';
  let settings = cache.get(key);
  if (!settings) {
    if (cache.size >= CACHE_SCOPES) cache.clear();
    settings = readConfiguration(scope);
    cache.set(key, settings);
  }
  return settings;
}

function readConfiguration(scope: vscode.Uri | undefined): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const d = SETTING_DEFAULTS;
  return {
    enable: c.get<boolean>('enable') !== false,
    languages: stringArray(c.get('languages'), d.languages),
    categories: stringArray(c.get('categories'), d.categories),
    debounceMs: nonNegative(c.get('debounceMs'), d.debounceMs),
    maxFileSizeKB: nonNegative(c.get('maxFileSizeKB'), d.maxFileSizeKB),
    lexiconFiles: stringArray(c.get('lexiconFiles'), d.lexiconFiles),
    lexiconMode: oneOf(c.get('lexiconMode'), ['add', 'replace'], d.lexiconMode),
    language: oneOf(c.get('language'), ['auto', 'en', 'zh'], d.language),
    workspaceGlob: c.get<string>('workspaceGlob') || d.workspaceGlob,
    labelLanguage: oneOf(c.get('labelLanguage'), ['auto', 'en', 'zh'], d.labelLanguage),
    reviewerName: typeof c.get('reviewerName') === 'string' ? (c.get<string>('reviewerName') ?? '').trim() : d.reviewerName,
  };
}

/** A change to Policy Lens settings: which keys it touched. */
export interface SettingsChange {
  readonly keys: ReadonlySet<SettingKey>;
  affects(...keys: SettingKey[]): boolean;
}

const emitter = new vscode.EventEmitter<SettingsChange>();

/** Fires once per configuration change that touches a Policy Lens setting. */
export const onDidChangeSettings: vscode.Event<SettingsChange> = emitter.event;

/** Starts the one configuration listener; activate() disposes it with the extension. */
export function watchSettings(): vscode.Disposable {
  cache = new Map();
  const folders = vscode.workspace.onDidChangeWorkspaceFolders(() => cache?.clear());
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(SECTION)) return;
    cache?.clear();
    const keys = new Set(SETTING_KEYS.filter((k) => e.affectsConfiguration(settingId(k))));
    emitter.fire({ keys, affects: (...wanted) => wanted.some((k) => keys.has(k)) });
  });
  const stopCaching = new vscode.Disposable(() => (cache = undefined));
  return vscode.Disposable.from(listener, folders, emitter, stopCaching);
}
