import { useRef } from 'react';
import { newUuid } from './newUuid';

/**
 * One key per submit attempt: the same answer sent again (a double tap, a retry after a network
 * failure) reuses the key so the engine records it once; a changed answer is a new attempt.
 */
export function useIdempotencyKey() {
  const attempt = useRef<{ fingerprint: string; key: string } | undefined>(undefined);
  return (body: unknown): string => {
    const fingerprint = JSON.stringify(body);
    if (attempt.current?.fingerprint !== fingerprint)
      attempt.current = { fingerprint, key: newUuid() };
    return attempt.current.key;
  };
}
