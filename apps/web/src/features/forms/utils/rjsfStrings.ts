import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import type { Language } from '../../../i18n/languages';

// RJSF's own chrome texts that our forms can show (array and optional-data controls are unused).
const CHINESE: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.ClearButton]: '清空输入',
  [TranslatableString.DecrementAriaLabel]: '减 1',
  [TranslatableString.IncrementAriaLabel]: '加 1',
};

/** RJSF's `translateString` for the form's language. */
export function rjsfTranslator(language: Language) {
  return (key: TranslatableString, params?: string[]): string => {
    const chinese = language === 'zh-CN' ? CHINESE[key] : undefined;
    return chinese ?? englishStringTranslator(key, params);
  };
}
