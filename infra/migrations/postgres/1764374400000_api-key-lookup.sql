-- Up Migration

-- The GraphQL API authenticates an API key before it knows the tenant, while row-level security
-- shows the role fleetlog_api only the rows of the tenant named in fleetlog.tenant_id. This
-- function, run with its owner's rights (a role that bypasses row-level security, like the
-- projector's), returns the one key with that id in any tenant: the hash to verify the secret
-- against, the role, and whether it is revoked. Nothing else crosses tenants.
CREATE FUNCTION api_key_for_authentication(p_key_id text)
RETURNS TABLE (tenant_id text, key_hash text, role text, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT k.tenant_id, k.key_hash, k.role, k.revoked_at FROM api_keys k WHERE k.key_id = p_key_id;
$$;
REVOKE ALL ON FUNCTION api_key_for_authentication(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_key_for_authentication(text) TO fleetlog_api;

-- Down Migration
DROP FUNCTION api_key_for_authentication(text);
