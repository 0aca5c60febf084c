// Every `policyLens.*` setting key and its default, as the manifest declares them (a unit test holds the two equal).
// Plain data without vscode, so tests can read it.

export const SECTION = 'policyLens';

export const SETTING_DEFAULTS = {
  enable: true,
  languages: ['plaintext', 'markdown', 'policy-text'] as readonly string[],
  categories: [] as readonly string[],
  debounceMs: 150,
  maxFileSizeKB: 10240,
  lexiconFiles: [] as readonly string[],
  lexiconMode: 'add' as 'add' | 'replace',
  language: 'auto' as 'auto' | 'en' | 'zh',
  workspaceGlob: '**/*.{txt,md}',
  labelLanguage: 'auto' as 'auto' | 'en' | 'zh',
  reviewerName: '',
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;

export const SETTING_KEYS = Object.keys(SETTING_DEFAULTS) as SettingKey[];

/** The full id of a setting, as in settings.json. */
export function settingId(key: SettingKey): string {
  return `${SECTION}.${key}`;
}
