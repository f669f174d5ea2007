import type { ValueType } from '@fleetlog/domain';
import type { ObjAccessType } from '@fleetlog/usp';

/** What a computed parameter may look at: values that change without anyone writing them. */
export interface ComputeContext {
  /** Epoch millis now. */
  now: number;
  /** Epoch millis of the last boot. */
  bootedAt: number;
  /** Number of instances of a table that is a sibling of the computed parameter. */
  tableSize: (tableName: string) => number;
}

export interface ParamSpec {
  kind: 'param';
  type: ValueType;
  writable: boolean;
  /** The factory value when the seed gives none. */
  initial: string;
  /** For values nobody writes (UpTime, NumberOfEntries): read from the clock or the model. */
  compute?: (ctx: ComputeContext) => string;
  constraint?: { enumeration?: readonly string[]; maxLength?: number; min?: number; max?: number };
  /** Changes all the time (UpTime): GetSupportedDM says VALUE_CHANGE_WILL_IGNORE. */
  volatile?: boolean;
}

export interface CommandSpec {
  kind: 'command';
  /** Async commands answer with a Request instance and finish in an OperationComplete Notify. */
  async: boolean;
  input: readonly string[];
  output: readonly string[];
}

export interface EventSpec {
  kind: 'event';
  args: readonly string[];
}

/** Children are keyed by their TR-181 names: `Enable`, `SSID` (a table), `Reboot()`, `Boot!`. */
export interface ObjectSpec {
  kind: 'object';
  children: Readonly<Record<string, NodeSpec>>;
}

/** A multi-instance object: instances are `{i}` objects shaped like `entry`. */
export interface TableSpec {
  kind: 'table';
  entry: ObjectSpec;
  access: ObjAccessType;
  /** Each inner list is one unique key (TR-181 uniqueKey); a parameter may be in several. */
  uniqueKeys: readonly (readonly string[])[];
  maxEntries?: number;
  /** Values the agent gives a new instance where the controller gave none (R-ADD.5: unique keys). */
  assign?: (instance: number) => Readonly<Record<string, string>>;
}

export type NodeSpec = ParamSpec | ObjectSpec | TableSpec | CommandSpec | EventSpec;

/** Factory contents: a value per parameter, a Seed per sub-object, a Seed per instance of a table. */
export interface Seed {
  [name: string]: string | Seed | Seed[];
}

export interface ModelDefinition {
  /** `Device`. */
  rootName: string;
  root: ObjectSpec;
  seed: Seed;
}

// Small constructors so that tr181.ts reads like the TR-181 tables it follows.
type ParamOptions = Pick<ParamSpec, 'compute' | 'constraint' | 'volatile'>;

export const ro = (type: ValueType, initial = '', options: ParamOptions = {}): ParamSpec => ({ kind: 'param', type, writable: false, initial, ...options });
export const rw = (type: ValueType, initial = '', options: ParamOptions = {}): ParamSpec => ({ kind: 'param', type, writable: true, initial, ...options });
export const object = (children: Record<string, NodeSpec>): ObjectSpec => ({ kind: 'object', children });
export const table = (children: Record<string, NodeSpec>, options: Omit<TableSpec, 'kind' | 'entry'>): TableSpec => ({
  kind: 'table',
  entry: object(children),
  ...options,
});
export const syncCommand = (input: readonly string[] = [], output: readonly string[] = []): CommandSpec => ({ kind: 'command', async: false, input, output });
export const asyncCommand = (input: readonly string[], output: readonly string[]): CommandSpec => ({ kind: 'command', async: true, input, output });
export const event = (args: readonly string[]): EventSpec => ({ kind: 'event', args });
/** `<Table>NumberOfEntries`, which TR-181 pairs with every table. */
export const numberOfEntries = (tableName: string): ParamSpec => ro('unsignedInt', '0', { compute: (ctx) => String(ctx.tableSize(tableName)) });
