import { ApiError } from '../errors.js';

export type SortKey = (string | number)[];

/** Opaque to clients: the tenant it was issued to and the sort key of the row it points after. */
export const encodeCursor = (tenantId: string, key: SortKey): string => Buffer.from(JSON.stringify({ t: tenantId, k: key })).toString('base64url');

/**
 * The sort key of a cursor issued to this tenant; `null` for a cursor of another tenant, which
 * pages nothing. Anything not made by encodeCursor is INVALID_CURSOR.
 */
export const decodeCursor = (tenantId: string, cursor: string, shape: ('string' | 'number')[]): SortKey | null => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ApiError('INVALID_CURSOR', 'the cursor is not one this API issued');
  }
  const c = parsed as { t?: unknown; k?: unknown };
  if (typeof c?.t !== 'string' || !Array.isArray(c.k) || c.k.length !== shape.length || c.k.some((v, i) => typeof v !== shape[i])) {
    throw new ApiError('INVALID_CURSOR', 'the cursor is not one this API issued, or belongs to another list');
  }
  return c.t === tenantId ? (c.k as SortKey) : null;
};

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Rows fetched with `LIMIT first + 1` become a page; the extra row only says there is more. */
export const toConnection = <R, T>(tenantId: string, rows: R[], first: number, keyOf: (r: R) => SortKey, nodeOf: (r: R) => T): Connection<T> => {
  const page = rows.slice(0, first);
  const edges = page.map((r) => ({ cursor: encodeCursor(tenantId, keyOf(r)), node: nodeOf(r) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
};

export const emptyConnection = <T>(): Connection<T> => ({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

export const pageSize = (first: number | null | undefined, max: number): number => {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 0 || n > max) throw new ApiError('INVALID_ARGUMENTS', `first must be between 0 and ${max}`);
  return n;
};
