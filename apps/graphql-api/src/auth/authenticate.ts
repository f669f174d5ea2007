import { unauthenticated } from '../errors.js';
import type { ApiKeyVerifier } from './api-keys.js';
import type { Caller } from './principal.js';
import type { TokenVerifier } from './tokens.js';

export interface Credentials {
  authorization?: string | undefined;
  apiKey?: string | undefined;
}

export type Authenticate = (credentials: Credentials) => Promise<Caller>;

/**
 * `Authorization: Bearer <jwt>`, `Authorization: ApiKey <id>.<secret>` or `x-api-key: <id>.<secret>`.
 * No credentials, or credentials that do not verify, are UNAUTHENTICATED: nothing is served
 * without a tenant.
 */
export const createAuthenticate = (tokens: TokenVerifier, apiKeys: ApiKeyVerifier): Authenticate => async ({ authorization, apiKey }) => {
  if (authorization) {
    const m = /^(Bearer|ApiKey)\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw unauthenticated('the Authorization header must be "Bearer <token>" or "ApiKey <id>.<secret>"');
    return m[1]!.toLowerCase() === 'bearer' ? tokens.verify(m[2]!) : apiKeys.verify(m[2]!);
  }
  if (apiKey) return apiKeys.verify(apiKey);
  throw unauthenticated('credentials are required: a bearer token or an API key');
};
