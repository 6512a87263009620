import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

// Both locales must hold exactly the same keys: each assignment fails to compile otherwise.
const zhHasEveryEnglishKey: typeof en = zhCN;
const enHasEveryChineseKey: typeof zhCN = en;

export const resources = {
  en: { translation: enHasEveryChineseKey },
  'zh-CN': { translation: zhHasEveryEnglishKey },
};
