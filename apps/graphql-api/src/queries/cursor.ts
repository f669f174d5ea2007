import { createHash } from 'node:crypto';
import { ApiError } from '../errors.js';

export type SortKey = (string | number)[];

/**
 * Opaque to clients: `<sort key>.<tenant tag>`, the sort key of the row it points after as
 * base64url JSON, and a tag derived from the tenant it was issued to. The tag only lets a
 * cursor of another tenant page nothing instead of paging this tenant's rows from an odd place;
 * every query is scoped to the caller's tenant whatever the cursor says.
 */
export const encodeCursor = (tenantId: string, key: SortKey): string => `${Buffer.from(JSON.stringify(key)).toString('base64url')}.${tenantTag(tenantId)}`;

const tags = new Map<string, string>();
const tenantTag = (tenantId: string): string => {
  let tag = tags.get(tenantId);
  if (tag === undefined) {
    if (tags.size >= 10_000) tags.clear();
    tag = createHash('sha256').update(tenantId).digest('base64url').slice(0, 10);
    tags.set(tenantId, tag);
  }
  return tag;
};

/**
 * The sort key of a cursor issued to this tenant; `null` for a cursor of another tenant, which
 * pages nothing. Anything not made by encodeCursor is INVALID_CURSOR.
 */
export const decodeCursor = (tenantId: string, cursor: string, shape: ('string' | 'number')[]): SortKey | null => {
  const [encodedKey, tag, ...rest] = cursor.split('.');
  let key: unknown;
  try {
    if (!encodedKey || !tag || rest.length > 0) throw new Error('not a cursor');
    key = JSON.parse(Buffer.from(encodedKey, 'base64url').toString('utf8'));
  } catch {
    throw new ApiError('INVALID_CURSOR', 'the cursor is not one this API issued');
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((v, i) => typeof v !== shape[i])) {
    throw new ApiError('INVALID_CURSOR', 'the cursor is not one this API issued, or belongs to another list');
  }
  return tag === tenantTag(tenantId) ? (key as SortKey) : null;
};

/** An edge keeps its sort key; its cursor is encoded only when a query asks for it (edgeCursor). */
export interface Edge<T> {
  key: SortKey;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Rows fetched with `LIMIT first + 1` become a page; the extra row only says there is more. */
export const toConnection = <R, T>(tenantId: string, rows: R[], first: number, keyOf: (r: R) => SortKey, nodeOf: (r: R) => T): Connection<T> => {
  const edges = rows.slice(0, first).map((r) => ({ key: keyOf(r), node: nodeOf(r) }));
  const last = edges.at(-1);
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(tenantId, last.key) : null } };
};

/** The resolver of every edge type's `cursor`. */
export const edgeCursor = (edge: Edge<unknown>, tenantId: string): string => encodeCursor(tenantId, edge.key);

export const emptyConnection = <T>(): Connection<T> => ({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

export const pageSize = (first: number | null | undefined, max: number): number => {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 0 || n > max) throw new ApiError('INVALID_ARGUMENTS', `first must be between 0 and ${max}`);
  return n;
};
