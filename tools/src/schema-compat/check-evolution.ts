// Pure core of the evolution check (no git, no files): BACKWARD_TRANSITIVE, i.e. the current
// schema, as reader, must read data written with every earlier version of the same schema.
import avro from 'avsc';
import type { CompatProblem } from './errors.js';
import { locateIncompatibilities } from './locate.js';

export interface SchemaVersion {
  /** Commit the version comes from; reported with any problem it causes. */
  readonly rev: string;
  /** The parsed schema JSON of that version. */
  readonly json: unknown;
}

export interface CheckOptions {
  /**
   * Random values of each old version pushed through encode -> resolve -> decode. Resolver
   * creation is the real check; the samples back it up against resolver bugs and defaults
   * that only fail at read time.
   */
  readonly samples?: number;
}

const DEFAULT_SAMPLES = 25;

export function checkEvolution(versions: readonly SchemaVersion[], current: unknown, options: CheckOptions = {}): CompatProblem[] {
  let reader: avro.Type;
  try {
    reader = parse(current);
  } catch (error) {
    return [{ code: 'SCHEMA_INVALID', severity: 'error', message: messageOf(error) }];
  }

  // History often repeats a version (reverts, metadata-only commits): check each text once.
  const seen = new Map<string, readonly Omit<CompatProblem, 'rev'>[]>();
  const problems: CompatProblem[] = [];
  for (const version of versions) {
    const key = JSON.stringify(version.json);
    let found = seen.get(key);
    if (!found) {
      found = checkOne(reader, version.json, options.samples ?? DEFAULT_SAMPLES);
      seen.set(key, found);
    }
    problems.push(...found.map((p) => ({ ...p, rev: version.rev })));
  }
  return problems;
}

function checkOne(reader: avro.Type, oldJson: unknown, samples: number): Omit<CompatProblem, 'rev'>[] {
  let writer: avro.Type;
  try {
    writer = parse(oldJson);
  } catch (error) {
    return [{ code: 'SCHEMA_OLD_VERSION_INVALID', severity: 'warning', message: `skipped, not valid Avro: ${messageOf(error)}` }];
  }

  let resolver: avro.Resolver;
  try {
    resolver = reader.createResolver(writer);
  } catch (error) {
    const locations = locateIncompatibilities(reader, writer);
    return [{ code: 'SCHEMA_INCOMPATIBLE', severity: 'error', message: messageOf(error), locations }];
  }

  for (let i = 0; i < samples; i++) {
    // avsc's typings declare random() as returning a Type; at run time it returns a value.
    const value: unknown = writer.random();
    try {
      const decoded: unknown = reader.fromBuffer(writer.toBuffer(value), resolver);
      if (!reader.isValid(decoded)) throw new Error(`decoded value is not valid for the current schema: ${JSON.stringify(decoded)}`);
    } catch (error) {
      return [{ code: 'SCHEMA_ROUND_TRIP_FAILED', severity: 'error', message: `${messageOf(error)} (sample written: ${writer.toString(value)})` }];
    }
  }
  return [];
}

// A fresh registry per parse (avsc's default) keeps the old and new definitions of the same
// named types apart; logical types stay unregistered because they do not change resolution.
const parse = (json: unknown): avro.Type => avro.Type.forSchema(json as avro.Schema);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
