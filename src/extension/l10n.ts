// Localised labels for hovers, the sidebar and messages. Interface text goes through `vscode.l10n` (the bundle
// in media/l10n); the setting `policyLens.labelLanguage` can force English or Chinese regardless of VS Code's
// display language, in which case the same bundle is read directly. Category labels come from the lexicons.
import * as vscode from 'vscode';
import type { Category, LeanLabel, Polarity, RuleKind } from '../core/types';
import zhBundle from '../../media/l10n/bundle.l10n.zh-cn.json';
import { LabelLanguageSetting, readSettings } from './settings';
import { TRADITIONAL_LABELS } from './traditionalLabels';

export type LabelLanguage = 'en' | 'zh';

const ZH: Readonly<Record<string, string>> = zhBundle;

/** The `policyLens.labelLanguage` setting as written. */
function labelLanguageSetting(): LabelLanguageSetting {
  return readSettings().labelLanguage;
}

/** The language labels are shown in: the setting, or VS Code's display language when it is `auto`. */
export function labelLanguage(): LabelLanguage {
  const setting = labelLanguageSetting();
  if (setting !== 'auto') {
    return setting;
  }
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** True when labels follow a Traditional Chinese display language (zh-tw, zh-hk); `zh` forced means Simplified. */
export function traditionalScript(): boolean {
  return labelLanguageSetting() === 'auto' && /^zh-(tw|hk|mo|hant)/.test(vscode.env.language.toLowerCase());
}

function format(message: string, args: ReadonlyArray<string | number>): string {
  return message.replace(/\{(\d+)\}/g, (whole: string, n: string) => {
    const value = args[Number(n)];
    return value === undefined ? whole : String(value);
  });
}

/** Like `vscode.l10n.t`, but honouring a forced label language. `message` is the English text and bundle key. */
export function t(message: string, ...args: Array<string | number>): string {
  switch (labelLanguageSetting()) {
    case 'en':
      return format(message, args);
    case 'zh':
      return format(ZH[message] ?? message, args);
    default:
      return vscode.l10n.t(message, ...args);
  }
}

/** A category's label in the label language; Chinese falls back to English when a lexicon has no `labelZh`. */
export function categoryLabel(
  category: Pick<Category, 'label' | 'labelZh'>,
  language: LabelLanguage = labelLanguage(),
  traditional: boolean = traditionalScript(),
): string {
  if (language !== 'zh' || !category.labelZh) return category.label;
  return (traditional ? TRADITIONAL_LABELS[category.labelZh] : undefined) ?? category.labelZh;
}

/** Looks category labels up by id, for tallies that carry only the English label. */
export class CategoryLabels {
  private readonly byId: ReadonlyMap<string, Category>;

  constructor(
    categories: readonly Category[],
    private readonly language: LabelLanguage = labelLanguage(),
    private readonly traditional: boolean = traditionalScript(),
  ) {
    this.byId = new Map(categories.map((c) => [c.id, c]));
  }

  label(id: string, fallback: string = id): string {
    const category = this.byId.get(id);
    return category ? categoryLabel(category, this.language, this.traditional) : fallback;
  }
}

export function polarityLabel(polarity: Polarity): string {
  return polarity === 'control' ? t('Control') : t('Engagement');
}

export function leanLabel(label: LeanLabel): string {
  switch (label) {
    case 'control-leaning':
      return t('Control-leaning');
    case 'engagement-leaning':
      return t('Engagement-leaning');
    case 'balanced':
      return t('Balanced');
    case 'no signal':
      return t('No signal');
  }
}

export function ruleLabel(rule: RuleKind): string {
  switch (rule) {
    case 'negation':
      return t('Negation');
    case 'exemption':
      return t('Exemption');
    case 'protection':
      return t('Protection');
    case 'direction':
      return t('Direction');
    case 'target':
      return t('Aimed at officials');
    case 'topic':
      return t('Topic only');
    case 'secrecy':
      return t('Secrecy duty');
    case 'inherited':
      return t('Item of a list');
    case 'subject':
      return t('Document subject');
  }
}
