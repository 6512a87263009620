import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={fullPage ? 'fw-loading fw-loading-full' : 'fw-loading'} role="status">
      <Spin />
      <span className="fw-visually-hidden">{t('app.loading')}</span>
    </div>
  );
}
