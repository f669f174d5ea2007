// npm run token -- --tenant acme --roles operator [--sub alice] [--ttl 3600]
// Mints a bearer token signed with the API's configured secret, for local use and scripts.
import { Command } from 'commander';
import { roles, type Role } from './auth/principal.js';
import { mintToken } from './auth/tokens.js';
import { loadConfig, tokenKeys } from './config.js';

const program = new Command('token')
  .description('mint a bearer token for the GraphQL API, signed with FLEETLOG_API_JWT_SECRET (or the development secret)')
  .requiredOption('--tenant <id>', 'tenant id (claim "tenant")')
  .option('--roles <list>', `comma-separated: ${roles.join(', ')}`, 'viewer')
  .option('--sub <subject>', 'who the token is for (claim "sub")', 'local-developer')
  .option('--ttl <seconds>', 'lifetime in seconds', '3600')
  .parse();

const opts = program.opts<{ tenant: string; roles: string; sub: string; ttl: string }>();
const keys = tokenKeys(loadConfig(process.env));
if (!('secret' in keys)) {
  console.error('FLEETLOG_API_JWKS_URL is set: tokens come from your identity provider, not from this tool');
  process.exit(2);
}
const asked = opts.roles.split(',').map((r) => r.trim().toLowerCase());
const unknown = asked.filter((r) => !(roles as readonly string[]).includes(r));
const ttl = Number(opts.ttl);
if (unknown.length > 0 || !Number.isInteger(ttl) || ttl < 1) {
  console.error(unknown.length > 0 ? `unknown role(s): ${unknown.join(', ')}; use ${roles.join(', ')}` : '--ttl must be a positive number of seconds');
  process.exit(2);
}
console.log(await mintToken(keys.secret, { tenant: opts.tenant, roles: asked as Role[], sub: opts.sub }, ttl));
