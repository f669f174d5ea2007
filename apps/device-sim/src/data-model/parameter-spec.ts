import type { XsdType } from '@fleetlog/cwmp';

/** What a computed parameter may look at: read-only values that change without a write. */
export interface ComputeContext {
  /** The computed parameter's own full name. */
  name: string;
  /** Epoch millis now. */
  now: number;
  /** Epoch millis of the last boot. */
  bootedAt: number;
  /** Number of instances of a table, by its path (e.g. 'Device.WiFi.SSID.'). */
  countInstances: (tablePath: string) => number;
}

/**
 * TR-069 allows the ACS to turn active notification on for most parameters; some a CPE refuses
 * (values that change all the time, like UpTime: fault 9009) and some it always reports
 * (TR-181 "forceEnabled", e.g. SoftwareVersion).
 */
export type ActiveNotify = 'normal' | 'denied' | 'forced';

export interface ParamSpec {
  kind: 'param';
  type: XsdType;
  writable: boolean;
  /** The factory value, or a function for values nobody writes (UpTime, NumberOfEntries). */
  value: string | ((ctx: ComputeContext) => string);
  /** Factory notification attribute: 0 off, 1 passive, 2 active. */
  notification?: number;
  activeNotify?: ActiveNotify;
  /** Carried in every Inform (TR-181 "forced inform" parameters). */
  inform?: boolean;
  /** Passwords read back as '' (TR-069 A.3.2.1). */
  secret?: boolean;
  constraint?: { maxLength?: number; min?: number; max?: number; enumeration?: readonly string[] };
}

export interface ObjectSpec {
  kind: 'object';
  children: Record<string, NodeSpec>;
}

/** A multi-instance object ("table"): instances are `{i}` objects shaped like `entry`. */
export interface TableSpec {
  kind: 'table';
  entry: ObjectSpec;
  /** Whether the ACS may AddObject/DeleteObject here; Hosts, for one, is filled by the device. */
  writable: boolean;
  maxEntries?: number;
}

export type NodeSpec = ParamSpec | ObjectSpec | TableSpec;

/**
 * Factory contents: a value per parameter name, a nested Seed per sub-object, and a Seed per
 * instance for each table.
 */
export interface Seed {
  [name: string]: string | Seed | Seed[];
}

/** A model flavour (TR-181 `Device.` or TR-098 `InternetGatewayDevice.`): its root and factory contents. */
export interface ModelDefinition {
  rootName: string;
  root: ObjectSpec;
  seed: Seed;
}

// Small constructors so the model files read like the TR-181 tables they follow.
type ParamOptions = Omit<ParamSpec, 'kind' | 'type' | 'writable' | 'value'>;

export const param = (type: XsdType, value: ParamSpec['value'], writable: boolean, options: ParamOptions = {}): ParamSpec => ({
  kind: 'param',
  type,
  value,
  writable,
  ...options,
});
export const ro = (type: XsdType, value: ParamSpec['value'] = '', options: ParamOptions = {}): ParamSpec => param(type, value, false, options);
export const rw = (type: XsdType, value: ParamSpec['value'] = '', options: ParamOptions = {}): ParamSpec => param(type, value, true, options);
export const object = (children: Record<string, NodeSpec>): ObjectSpec => ({ kind: 'object', children });
export const table = (children: Record<string, NodeSpec>, options: { writable: boolean; maxEntries?: number }): TableSpec => ({
  kind: 'table',
  entry: object(children),
  ...options,
});
/** `<Table>NumberOfEntries`, which TR-181 pairs with every table: counts the sibling table `tableName`. */
export const numberOfEntries = (tableName: string): ParamSpec =>
  ro('unsignedInt', (ctx) => String(ctx.countInstances(`${ctx.name.slice(0, ctx.name.lastIndexOf('.') + 1)}${tableName}.`)));
