// Typed reader for the `policyLens.*` settings, so no other module spells a setting key.
import * as vscode from 'vscode';
import type { LanguageSetting } from '../core/types';

export type LexiconMode = 'add' | 'replace';

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
}

export const SECTION = 'policyLens';

const DEFAULT_LANGUAGES: readonly string[] = ['plaintext', 'markdown', 'policy-text'];

function stringArray(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback;
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Settings for a document (resource-scoped settings may differ per folder) or for the window. */
export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const mode = c.get<string>('lexiconMode');
  const language = c.get<string>('language');
  return {
    enable: c.get<boolean>('enable') !== false,
    languages: stringArray(c.get('languages'), DEFAULT_LANGUAGES),
    categories: stringArray(c.get('categories'), []),
    debounceMs: nonNegative(c.get('debounceMs'), 150),
    maxFileSizeKB: nonNegative(c.get('maxFileSizeKB'), 2048),
    lexiconFiles: stringArray(c.get('lexiconFiles'), []),
    lexiconMode: mode === 'replace' ? 'replace' : 'add',
    language: language === 'en' || language === 'zh' ? language : 'auto',
    workspaceGlob: c.get<string>('workspaceGlob') || '**/*.{txt,md}',
  };
}

/** True when a configuration change touches a Policy Lens setting. */
export function affectsSettings(e: vscode.ConfigurationChangeEvent, key?: string): boolean {
  return e.affectsConfiguration(key ? `${SECTION}.${key}` : SECTION);
}
