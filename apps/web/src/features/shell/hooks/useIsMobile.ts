import { useSyncExternalStore } from 'react';

// Below antd's `md` breakpoint the navigation moves into a drawer.
const QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

function isNarrow(): boolean {
  return window.matchMedia(QUERY).matches;
}

/** True on phone-sized viewports; right from the first render, so the layout does not jump. */
export function useIsMobile(): boolean {
  return useSyncExternalStore(subscribe, isNarrow, () => false);
}
