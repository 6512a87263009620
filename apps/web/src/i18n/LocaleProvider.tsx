import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLanguage } from './useLanguage';

/** antd's own texts (pagination, empty states, date pickers) follow the UI language. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  return (
    <ConfigProvider
      locale={language === 'zh-CN' ? zhCN : enUS}
      // "登录" must read as written, not "登 录".
      button={{ autoInsertSpace: false }}
    >
      {children}
    </ConfigProvider>
  );
}
