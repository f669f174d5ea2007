// Secrets stay out of read models and API answers: fields named like secrets, and the values of
// parameters whose path names a secret (a SetParameterValues of a Wi-Fi passphrase), are masked.
const SECRET_NAME = /passw(or)?d|passphrase|secret|token|presharedkey|wepkey|(^|\.)key$/i;

const masked = (v: unknown): unknown => (typeof v === 'string' && v !== '' ? '***' : v);

/** A copy of a JSON value with every secret replaced by `***`. */
export const maskSecrets = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const named = [o['path'], o['name'], o['param']].find((n): n is string => typeof n === 'string');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (SECRET_NAME.test(k)) out[k] = masked(v);
    else if (k === 'value' && named && SECRET_NAME.test(named)) out[k] = masked(v);
    else out[k] = maskSecrets(v);
  }
  return out;
};

/** A JSON text (command arguments, results) parsed and masked; text that is not JSON stays hidden. */
export const maskJsonText = (text: string): unknown => {
  try {
    return maskSecrets(JSON.parse(text));
  } catch {
    return { unparsable: true };
  }
};
