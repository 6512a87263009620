import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving a page with unsaved work (in-app navigation and closing the tab).
 * Returns `allowNextNavigation`, for leaving on purpose right after saving.
 */
export function useUnsavedChangesPrompt(dirty: boolean): { allowNextNavigation: () => void } {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const dirtyRef = useRef(dirty);
  // Set after saving: allows leaving until the page has caught up with the saved state.
  const allowRef = useRef(false);
  useEffect(() => {
    dirtyRef.current = dirty;
    if (!dirty) allowRef.current = false;
  }, [dirty]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !allowRef.current && dirtyRef.current && currentLocation.pathname !== nextLocation.pathname,
  );

  // One question per blocked navigation, however often the page renders meanwhile.
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('common.unsavedTitle'),
      content: t('common.unsavedText'),
      okText: t('common.leave'),
      okButtonProps: { danger: true, 'data-testid': 'unsaved-leave' },
      cancelText: t('common.stay'),
      cancelButtonProps: { 'data-testid': 'unsaved-stay' },
      onOk: () => {
        asking.current = false;
        blocker.proceed();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset();
      },
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return { allowNextNavigation: () => (allowRef.current = true) };
}
