import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FormDesignerState } from '../hooks/useFormDesigner';
import { useQrCode } from '../hooks/useQrCode';

/** Public link of a form: anyone with it may answer (the light page at /f/<token>). */
export const publicFormUrl = (shareToken: string) => `${location.origin}/f/${shareToken}`;

/** Make the form public, copy its link, its QR code; close it now or at a date. */
export function SharePanel({ state }: { state: FormDesignerState }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { settings, setSettings, form } = state;
  const savedPublic = form.public && form.shareToken;
  const url = savedPublic && settings.public ? publicFormUrl(form.shareToken ?? '') : undefined;
  const qr = useQrCode(url);

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('forms.share.copied'));
    } catch {
      void message.error(t('forms.share.copyFailed'));
    }
  };

  return (
    <Form layout="vertical" data-testid="form-share-panel">
      <Form.Item label={t('forms.share.public')} extra={t('forms.share.publicHint')}>
        <Switch
          checked={settings.public}
          onChange={(checked) => setSettings({ ...settings, public: checked })}
          aria-label={t('forms.share.public')}
          data-testid="form-share-public"
        />
      </Form.Item>
      {!settings.public && (
        <Typography.Paragraph type="secondary">{t('forms.share.notPublic')}</Typography.Paragraph>
      )}
      {settings.public && !url && (
        <Typography.Paragraph type="secondary" data-testid="form-share-save-first">
          {t('forms.share.saveForLink')}
        </Typography.Paragraph>
      )}
      {url && (
        <>
          <Form.Item label={t('forms.share.link')}>
            <Space.Compact className="fw-full-width">
              <Input
                readOnly
                value={url}
                data-testid="form-share-link"
                onFocus={(event) => event.target.select()}
              />
              <Button
                icon={<CopyOutlined aria-hidden />}
                onClick={() => void copy()}
                data-testid="form-share-copy"
              >
                {t('forms.share.copy')}
              </Button>
            </Space.Compact>
          </Form.Item>
          {qr && (
            <Space direction="vertical" className="fw-block">
              <img
                src={qr}
                alt={t('forms.share.qrAlt')}
                className="fw-qr"
                data-testid="form-share-qr"
              />
              <Button
                size="small"
                icon={<DownloadOutlined aria-hidden />}
                href={qr}
                download={`${form.key}-qr.png`}
              >
                {t('forms.share.downloadQr')}
              </Button>
            </Space>
          )}
        </>
      )}
      <Form.Item>
        <Checkbox
          checked={settings.closed}
          onChange={(event) => setSettings({ ...settings, closed: event.target.checked })}
          data-testid="form-share-closed"
        >
          {t('forms.share.closed')}
        </Checkbox>
      </Form.Item>
      <Form.Item label={t('forms.share.closesAt')}>
        <DatePicker
          showTime
          className="fw-full-width"
          format="YYYY-MM-DD HH:mm"
          value={settings.closesAt ? dayjs(settings.closesAt) : null}
          onChange={(date) =>
            setSettings({ ...settings, closesAt: date ? date.toISOString() : null })
          }
          data-testid="form-share-closes-at"
        />
      </Form.Item>
    </Form>
  );
}
