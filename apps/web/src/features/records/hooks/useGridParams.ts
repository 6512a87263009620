import type { Filter } from '@formwork/definitions';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface GridParams {
  sort: string | undefined;
  search: string | undefined;
  filter: Filter | undefined;
  /** The filter parameter was not valid JSON. */
  badFilter: boolean;
  /** The record open in the drawer. */
  record: string | null;
}

function parseFilter(text: string | null): { filter: Filter | undefined; bad: boolean } {
  if (!text) return { filter: undefined, bad: false };
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object'
      ? { filter: value as Filter, bad: false }
      : { filter: undefined, bad: true };
  } catch {
    return { filter: undefined, bad: true };
  }
}

/** The grid's state lives in the address: shareable, and Back undoes a step. */
export function useGridParams() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<GridParams>(() => {
    const { filter, bad } = parseFilter(params.get('filter'));
    return {
      sort: params.get('sort') ?? undefined,
      search: params.get('q') ?? undefined,
      filter,
      badFilter: bad,
      record: params.get('record'),
    };
  }, [params]);

  const update = (changes: Record<string, string | undefined | null>, replace = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace },
    );

  return {
    ...state,
    setSort: (sort: string | undefined) => update({ sort }),
    setSearch: (search: string | undefined) => update({ q: search?.trim() }),
    setFilter: (filter: Filter | undefined) =>
      update({ filter: filter ? JSON.stringify(filter) : undefined }),
    openRecord: (id: string | null) => update({ record: id }),
  };
}
