import type { TenantEvent } from '@fleetlog/events';
import type { CwmpCredential } from './http-auth.js';

/**
 * CPE credentials folded from the tenant topic (TenantCwmpCredentialSet / Removed), plus an
 * optional default credential from configuration for a single-tenant install.
 */
export const createCredentialStore = (defaults: CwmpCredential[] = []) => {
  const byUser = new Map<string, CwmpCredential>(defaults.map((c) => [c.username, c]));
  return {
    apply: (event: TenantEvent) => {
      if (event.type === 'TenantCwmpCredentialSet') {
        byUser.set(event.payload.username, { tenantId: event.tenantId, username: event.payload.username, realm: event.payload.realm, ha1: event.payload.ha1 });
      } else if (event.type === 'TenantCwmpCredentialRemoved') {
        const current = byUser.get(event.payload.username);
        // A user name moves between tenants only through Set; Remove from another tenant is ignored.
        if (current?.tenantId === event.tenantId) byUser.delete(event.payload.username);
      }
    },
    lookup: (username: string) => byUser.get(username),
    size: () => byUser.size,
  };
};
export type CredentialStore = ReturnType<typeof createCredentialStore>;
