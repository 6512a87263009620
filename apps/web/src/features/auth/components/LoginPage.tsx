import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { LanguageSwitch } from '../../../i18n/LanguageSwitch';
import { useDocumentTitle } from '../../shell/hooks/useDocumentTitle';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { redirectTarget } from '../utils/redirectTarget';
import { LoginForm } from './LoginForm';

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: user } = useCurrentUser();
  useDocumentTitle(t('auth.login.pageTitle'));

  // Signed in (already, or just now): go where the user was heading.
  if (user) return <Navigate to={redirectTarget(location.state)} replace />;

  return (
    <main className="fw-login">
      <div className="fw-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="fw-login-card">
        <div className="fw-login-brand" aria-hidden>
          <img src="/favicon.svg" alt="" width={40} height={40} />
        </div>
        <Typography.Title level={1} className="fw-login-title">
          {t('auth.login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="fw-login-subtitle">
          {t('auth.login.subtitle')}
        </Typography.Paragraph>
        <LoginForm />
      </Card>
    </main>
  );
}
