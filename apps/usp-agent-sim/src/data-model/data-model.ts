import { assertNever, err, fitsValueType, ok } from '@fleetlog/domain';
import type { Result } from '@fleetlog/domain';
import { UspErrorCode, failure } from '../usp-errors.js';
import type { UspFailure } from '../usp-errors.js';
import { parsePath, satisfies } from './path.js';
import type { ParsedPath, Segment } from './path.js';
import type { CommandSpec, EventSpec, ModelDefinition, NodeSpec, ObjectSpec, ParamSpec, Seed, TableSpec } from './spec.js';

// The instantiated model is plain data (no functions), so a transaction can snapshot it with structuredClone.
export interface ObjectState {
  values: Record<string, string>;
  objects: Record<string, ObjectState>;
  tables: Record<string, TableState>;
}

export interface TableState {
  /** Instance numbers are never reused while the agent runs. */
  nextInstance: number;
  /** Integer keys: JavaScript iterates them in ascending order. */
  instances: Record<number, ObjectState>;
}

export interface TableRef {
  /** `Device.WiFi.SSID.` */
  path: string;
  spec: TableSpec;
  state: TableState;
}

export interface ObjectRef {
  /** `Device.WiFi.SSID.1.` */
  path: string;
  spec: ObjectSpec;
  state: ObjectState;
  /** Set for a table instance. */
  instanceOf?: { table: TableRef; instance: number };
}

/** What a path names: all matches share one spec, since a path walks one way through the supported model. */
export type Target =
  | { target: 'object'; objects: ObjectRef[] }
  | { target: 'table'; tables: TableRef[] }
  | { target: 'param'; name: string; spec: ParamSpec; objects: ObjectRef[] }
  | { target: 'command'; name: string; spec: CommandSpec; objects: ObjectRef[] }
  | { target: 'event'; name: string; spec: EventSpec; objects: ObjectRef[] };

export type Resolved = Target & { parsed: ParsedPath };

/** A parameter found from an object by a relative name (`Enable`, `Stats.BytesSent`). */
export interface ParamRef {
  object: ObjectRef;
  name: string;
  spec: ParamSpec;
}

/** An object in the supported data model, as GetSupportedDM names it (`Device.WiFi.SSID.{i}.`). */
export interface SupportedObject {
  path: string;
  spec: ObjectSpec;
  /** Set when the object is a table's entry. */
  table?: TableSpec;
}

export interface DataModel {
  readonly rootName: string;
  readonly root: ObjectSpec;

  /** Resolves an instantiated-model path (search paths included): 7008 for bad syntax, 7026 for a path outside the supported model. */
  resolve(path: string): Result<Resolved, UspFailure>;
  /** Resolves a supported-model path (`{i}`, instance numbers and `*` all name the entry of a table). */
  supported(path: string): Result<SupportedObject, UspFailure>;

  read(param: ParamRef): string;
  /** Every parameter of the object itself (not of its sub-objects), by name. */
  values(object: ObjectRef): Record<string, string>;
  /** Single-instance sub-objects and the instances of tables directly below, in model order. */
  children(object: ObjectRef): ObjectRef[];
  tables(object: ObjectRef): TableRef[];
  instances(table: TableRef): ObjectRef[];
  locate(object: ObjectRef, relativeName: string): ParamRef | undefined;

  /** undefined when the value fits the parameter's type (7011) and constraints (7012). */
  checkValue(spec: ParamSpec, value: string): UspFailure | undefined;
  /** Writes a value already checked; booleans are stored as true/false. */
  write(param: ParamRef, value: string): void;
  /** Settings whose new values would give the instance a unique key another instance already has. */
  keyConflicts(instance: ObjectRef, settings: Readonly<Record<string, string>>): string[];
  uniqueKeys(instance: ObjectRef): Record<string, string>;
  /** A new instance with factory values and the agent-assigned unique keys. */
  addInstance(table: TableRef): Result<ObjectRef, UspFailure>;
  deleteInstance(instance: ObjectRef): void;

  // ---- the device itself ----
  /** The value of a parameter named by an exact path, or undefined. */
  get(path: string): string | undefined;
  /** A change made on the device (not by a controller): checks the type, not the writable flag. */
  setLocal(path: string, value: string): Result<{ changed: boolean }, UspFailure>;
  snapshot(): ObjectState;
  restore(snapshot: ObjectState): void;
  /** Back to the factory contents (FactoryReset). */
  reset(): void;
  /** UpTime counts from here. */
  markBooted(at: number): void;
}

export interface DataModelDeps {
  /** Epoch millis. */
  now: () => number;
}

const isSeed = (value: Seed[string] | undefined): value is Seed => typeof value === 'object' && !Array.isArray(value);

const buildObject = (spec: ObjectSpec, seed: Seed): ObjectState => {
  const state: ObjectState = { values: {}, objects: {}, tables: {} };
  for (const [name, child] of Object.entries(spec.children)) {
    const given = seed[name];
    if (child.kind === 'param') {
      if (child.compute === undefined) state.values[name] = typeof given === 'string' ? given : child.initial;
    } else if (child.kind === 'object') {
      state.objects[name] = buildObject(child, isSeed(given) ? given : {});
    } else if (child.kind === 'table') {
      const seeds = Array.isArray(given) ? given : [];
      const instances: Record<number, ObjectState> = {};
      seeds.forEach((instanceSeed, index) => (instances[index + 1] = buildObject(child.entry, { ...child.assign?.(index + 1), ...instanceSeed })));
      state.tables[name] = { nextInstance: seeds.length + 1, instances };
    }
  }
  return state;
};

const invalidPath = (path: string, why: string) => err(failure(UspErrorCode.invalidPath, `Invalid path ${path}: ${why}`));

// The model's own bug, not a controller's: state always mirrors the spec it was built from.
const missing = (path: string): never => {
  throw new Error(`data model state has no ${path}`);
};

export const createDataModel = (definition: ModelDefinition, deps: DataModelDeps): DataModel => {
  const { rootName, root } = definition;
  let state = buildObject(root, definition.seed);
  let bootedAt = deps.now();

  const rootRef = (): ObjectRef => ({ path: `${rootName}.`, spec: root, state });

  const subObject = (parent: ObjectRef, name: string, spec: ObjectSpec): ObjectRef => ({
    path: `${parent.path}${name}.`,
    spec,
    state: parent.state.objects[name] ?? missing(`${parent.path}${name}.`),
  });

  const subTable = (parent: ObjectRef, name: string, spec: TableSpec): TableRef => ({
    path: `${parent.path}${name}.`,
    spec,
    state: parent.state.tables[name] ?? missing(`${parent.path}${name}.`),
  });

  const instances = (table: TableRef): ObjectRef[] =>
    Object.entries(table.state.instances).map(([key, instanceState]) => ({
      path: `${table.path}${key}.`,
      spec: table.spec.entry,
      state: instanceState,
      instanceOf: { table, instance: Number(key) },
    }));

  const locate = (object: ObjectRef, relativeName: string): ParamRef | undefined => {
    const names = relativeName.split('.');
    let at = object;
    for (const [index, name] of names.entries()) {
      const child = Object.hasOwn(at.spec.children, name) ? at.spec.children[name] : undefined;
      if (index === names.length - 1) return child?.kind === 'param' ? { object: at, name, spec: child } : undefined;
      if (child?.kind !== 'object') return undefined;
      at = subObject(at, name, child);
    }
    return undefined;
  };

  const read = ({ object, name, spec }: ParamRef): string =>
    spec.compute === undefined
      ? (object.state.values[name] ?? missing(`${object.path}${name}`))
      : spec.compute({ now: deps.now(), bootedAt, tableSize: (tableName) => Object.keys(object.state.tables[tableName]?.instances ?? {}).length });

  // Whether a search condition names a parameter of the table's entry, checked against the supported model.
  const conditionSpec = (entry: ObjectSpec, relativeName: string): ParamSpec | undefined => {
    let spec: NodeSpec | undefined = entry;
    for (const name of relativeName.split('.')) spec = spec?.kind === 'object' && Object.hasOwn(spec.children, name) ? spec.children[name] : undefined;
    return spec?.kind === 'param' ? spec : undefined;
  };

  const selects = (segment: Exclude<Segment, { type: 'name' } | { type: 'placeholder' }>) => (instance: ObjectRef) => {
    switch (segment.type) {
      case 'instance':
        return instance.instanceOf?.instance === segment.instance;
      case 'wildcard':
        return true;
      case 'search':
        return segment.conditions.every((condition) => {
          const param = locate(instance, condition.param);
          return param !== undefined && satisfies(read(param), condition, param.spec.type);
        });
      default:
        return assertNever(segment);
    }
  };

  const resolve = (path: string): Result<Resolved, UspFailure> => {
    const parsed = parsePath(path);
    if (!parsed.ok) return parsed;
    const [first, ...rest] = parsed.value.segments;
    if (first?.type !== 'name' || first.name !== rootName) return invalidPath(path, `paths start with "${rootName}."`);
    let at: { kind: 'object'; spec: ObjectSpec; refs: ObjectRef[] } | { kind: 'table'; spec: TableSpec; refs: TableRef[] } = {
      kind: 'object',
      spec: root,
      refs: [rootRef()],
    };
    let supportedPath = `${rootName}.`;
    for (const [index, segment] of rest.entries()) {
      if (at.kind === 'table') {
        if (segment.type === 'name' || segment.type === 'placeholder') return invalidPath(path, `${supportedPath} is a table: name an instance, * or a [search expression]`);
        const entry: ObjectSpec = at.spec.entry;
        const unknown = segment.type === 'search' ? segment.conditions.find((c) => conditionSpec(entry, c.param) === undefined) : undefined;
        if (unknown !== undefined) return invalidPath(path, `${supportedPath}{i}. has no parameter ${unknown.param} to search on`);
        at = { kind: 'object', spec: entry, refs: at.refs.flatMap((table) => instances(table).filter(selects(segment))) };
        supportedPath += '{i}.';
        continue;
      }
      if (segment.type !== 'name') return invalidPath(path, `${supportedPath} is not a table`);
      const { name } = segment;
      const child: NodeSpec | undefined = Object.hasOwn(at.spec.children, name) ? at.spec.children[name] : undefined;
      if (child === undefined) return invalidPath(path, `${supportedPath} has no ${name}`);
      const objects: ObjectRef[] = at.refs;
      switch (child.kind) {
        case 'object':
          at = { kind: 'object', spec: child, refs: objects.map((ref) => subObject(ref, name, child)) };
          break;
        case 'table':
          at = { kind: 'table', spec: child, refs: objects.map((ref) => subTable(ref, name, child)) };
          break;
        case 'param':
          // The parser keeps commands and events last; a parameter must be last too, without a '.'.
          if (index < rest.length - 1 || parsed.value.isObjectPath) return invalidPath(path, `${supportedPath}${name} is a parameter`);
          return ok({ target: 'param', name, spec: child, objects, parsed: parsed.value });
        case 'command':
          return ok({ target: 'command', name, spec: child, objects, parsed: parsed.value });
        case 'event':
          return ok({ target: 'event', name, spec: child, objects, parsed: parsed.value });
        default:
          return assertNever(child);
      }
      supportedPath += `${name}.`;
    }
    if (!parsed.value.isObjectPath) return invalidPath(path, 'an object path ends in "."');
    return ok(at.kind === 'object' ? { target: 'object', objects: at.refs, parsed: parsed.value } : { target: 'table', tables: at.refs, parsed: parsed.value });
  };

  const supported = (path: string): Result<SupportedObject, UspFailure> => {
    const parsed = parsePath(path);
    if (!parsed.ok) return parsed;
    const [first, ...rest] = parsed.value.segments;
    if (first?.type !== 'name' || first.name !== rootName) return invalidPath(path, `paths start with "${rootName}."`);
    if (!parsed.value.isObjectPath) return invalidPath(path, 'GetSupportedDM takes object paths, ending in "."');
    let at: SupportedObject = { path: `${rootName}.`, spec: root };
    // `Table.{i}.` (or `Table.1.`, `Table.*.`) names the same object as `Table.`: one instance segment may follow a table.
    let afterTable = false;
    for (const segment of rest) {
      if (segment.type !== 'name') {
        if (!afterTable) return invalidPath(path, `${at.path} is not a table`);
        afterTable = false;
        continue;
      }
      afterTable = false;
      const child = Object.hasOwn(at.spec.children, segment.name) ? at.spec.children[segment.name] : undefined;
      if (child?.kind === 'object') at = { path: `${at.path}${segment.name}.`, spec: child };
      else if (child?.kind === 'table') {
        at = { path: `${at.path}${segment.name}.{i}.`, spec: child.entry, table: child };
        afterTable = true;
      }
      else return invalidPath(path, `${at.path} has no object ${segment.name}`);
    }
    return ok(at);
  };

  const values = (object: ObjectRef): Record<string, string> => {
    const result: Record<string, string> = {};
    for (const [name, child] of Object.entries(object.spec.children)) if (child.kind === 'param') result[name] = read({ object, name, spec: child });
    return result;
  };

  const tables = (object: ObjectRef): TableRef[] =>
    Object.entries(object.spec.children).flatMap(([name, child]) => (child.kind === 'table' ? [subTable(object, name, child)] : []));

  const children = (object: ObjectRef): ObjectRef[] =>
    Object.entries(object.spec.children).flatMap(([name, child]) => {
      if (child.kind === 'object') return [subObject(object, name, child)];
      if (child.kind === 'table') return instances(subTable(object, name, child));
      return [];
    });

  const checkValue = (spec: ParamSpec, value: string): UspFailure | undefined => {
    if (!fitsValueType(spec.type, value)) return failure(UspErrorCode.invalidType, `${JSON.stringify(value)} is not a valid ${spec.type}`);
    const { enumeration, maxLength, min, max } = spec.constraint ?? {};
    if (enumeration !== undefined && !enumeration.includes(value)) return failure(UspErrorCode.invalidValue, `${JSON.stringify(value)} is not one of ${enumeration.join(', ')}`);
    if (maxLength !== undefined && value.length > maxLength) return failure(UspErrorCode.invalidValue, `longer than ${maxLength} characters`);
    if ((min !== undefined && Number(value) < min) || (max !== undefined && Number(value) > max)) return failure(UspErrorCode.invalidValue, `${value} is outside [${min ?? ''}, ${max ?? ''}]`);
    return undefined;
  };

  const write = ({ object, name, spec }: ParamRef, value: string): void => {
    object.state.values[name] = spec.type === 'boolean' ? String(value === 'true' || value === '1') : value;
  };

  const uniqueKeys = (instance: ObjectRef): Record<string, string> => {
    const keys: Record<string, string> = {};
    for (const name of new Set(instance.instanceOf?.table.spec.uniqueKeys.flat() ?? [])) {
      const param = locate(instance, name);
      if (param !== undefined) keys[name] = read(param);
    }
    return keys;
  };

  const keyConflicts = (instance: ObjectRef, settings: Readonly<Record<string, string>>): string[] => {
    const table = instance.instanceOf?.table;
    if (table === undefined) return [];
    const valueOf = (ref: ObjectRef, name: string, own: boolean) => {
      if (own && Object.hasOwn(settings, name)) return settings[name] ?? '';
      const param = locate(ref, name);
      return param === undefined ? '' : read(param);
    };
    const siblings = instances(table).filter((other) => other.path !== instance.path);
    const conflicting = table.spec.uniqueKeys.filter(
      (key) =>
        key.some((name) => Object.hasOwn(settings, name)) &&
        key.every((name) => valueOf(instance, name, true) !== '') &&
        siblings.some((other) => key.every((name) => valueOf(other, name, false) === valueOf(instance, name, true))),
    );
    return [...new Set(conflicting.flat().filter((name) => Object.hasOwn(settings, name)))];
  };

  const addInstance = (table: TableRef): Result<ObjectRef, UspFailure> => {
    const { spec, state: tableState } = table;
    const count = Object.keys(tableState.instances).length;
    if (spec.maxEntries !== undefined && count >= spec.maxEntries)
      return err(failure(UspErrorCode.objectNotCreated, `${table.path} already has its maximum of ${spec.maxEntries} instances`));
    const number = tableState.nextInstance++;
    tableState.instances[number] = buildObject(spec.entry, { ...spec.assign?.(number) });
    return ok({ path: `${table.path}${number}.`, spec: spec.entry, state: tableState.instances[number], instanceOf: { table, instance: number } });
  };

  const deleteInstance = (instance: ObjectRef): void => {
    if (instance.instanceOf === undefined) return;
    delete instance.instanceOf.table.state.instances[instance.instanceOf.instance];
  };

  const exactParam = (path: string): Result<ParamRef, UspFailure> => {
    const resolved = resolve(path);
    if (!resolved.ok) return resolved;
    const target = resolved.value;
    if (target.target !== 'param' || target.parsed.isSearch) return invalidPath(path, 'not a parameter path');
    const [object] = target.objects;
    if (object === undefined) return err(failure(UspErrorCode.objectDoesNotExist, `No object holds ${path}`));
    return ok({ object, name: target.name, spec: target.spec });
  };

  return {
    rootName,
    root,
    resolve,
    supported,
    read,
    values,
    children,
    tables,
    instances,
    locate,
    checkValue,
    write,
    keyConflicts,
    uniqueKeys,
    addInstance,
    deleteInstance,
    get(path) {
      const param = exactParam(path);
      return param.ok ? read(param.value) : undefined;
    },
    setLocal(path, value) {
      const param = exactParam(path);
      if (!param.ok) return param;
      if (param.value.spec.compute !== undefined) return err(failure(UspErrorCode.notWritable, `${path} is computed by the agent`));
      const problem = checkValue(param.value.spec, value);
      if (problem !== undefined) return err(failure(problem.errCode, `${path}: ${problem.errMsg}`));
      const before = read(param.value);
      write(param.value, value);
      return ok({ changed: read(param.value) !== before });
    },
    snapshot: () => structuredClone(state),
    restore(snapshot) {
      state = snapshot;
    },
    reset() {
      state = buildObject(root, definition.seed);
    },
    markBooted(at) {
      bootedAt = at;
    },
  };
};
