import { forbidden } from '../errors.js';

export const roles = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Each role includes the ones before it. */
const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Who is calling: one tenant, a role, and how to name them in events (`user:<sub>`, `apikey:<id>`). */
export interface Caller {
  tenantId: string;
  role: Role;
  principal: `user:${string}` | `apikey:${string}`;
}

/** The strongest of the roles a token lists; unknown role names grant nothing. */
export const strongestRole = (names: readonly unknown[]): Role | undefined => {
  let best: Role | undefined;
  for (const n of names) {
    const r = typeof n === 'string' ? (n.toLowerCase() as Role) : undefined;
    if (r && r in rank && (best === undefined || rank[r] > rank[best])) best = r;
  }
  return best;
};

export const hasRole = (caller: Caller, needed: Role): boolean => rank[caller.role] >= rank[needed];

export const requireRole = (caller: Caller, needed: Role): void => {
  if (!hasRole(caller, needed)) throw forbidden(`this needs the ${needed} role; the caller is ${caller.role}`);
};
