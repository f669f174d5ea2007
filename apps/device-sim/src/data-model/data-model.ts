import { err, fitsValueType, ok } from '@fleetlog/domain';
import type {
  ParameterAttributeStruct,
  ParameterInfoStruct,
  ParameterValueStruct,
  SetParameterAttributesStruct,
  SetParameterValuesFault,
  XsdType,
} from '@fleetlog/cwmp';
import { cpeFault, faultText } from '../rpc/cpe-fault.js';
import type { CpeResult } from '../rpc/cpe-fault.js';
import type { ModelDefinition, ObjectSpec, ParamSpec, Seed, TableSpec } from './parameter-spec.js';

interface ParamNode {
  kind: 'param';
  spec: ParamSpec;
  value: string;
  notification: number;
  accessList: string[];
}
interface ObjectNode {
  kind: 'object';
  spec: ObjectSpec;
  children: Map<string, Node>;
  /** Instances of a writable table may be deleted; plain objects may not. */
  deletable: boolean;
}
interface TableNode {
  kind: 'table';
  spec: TableSpec;
  /** TR-069: instance numbers are never reused while the device runs. */
  nextInstance: number;
  instances: Map<number, ObjectNode>;
}
type Node = ParamNode | ObjectNode | TableNode;

interface Entry {
  /** Full name: parameters without, objects with a trailing '.'. */
  name: string;
  node: Node;
  writable: boolean;
}

/** One parameter as the device itself sees it (passwords included). */
export interface ParameterView {
  name: string;
  value: string;
  type: XsdType;
  writable: boolean;
  notification: number;
  accessList: string[];
}

export interface DataModelDeps {
  /** Epoch millis; UpTime and the like are computed from it. */
  now: () => number;
}

/**
 * A CPE's parameter tree with the TR-069 operations an ACS may apply to it. Every expected
 * failure is a CpeFault value with the code the spec prescribes; nothing is changed by an
 * operation that fails (SetParameterValues and SetParameterAttributes are all or nothing).
 */
export interface DataModel {
  readonly rootName: string;

  // ---- what the ACS may do (TR-069 Annex A semantics) ----
  getParameterValues(names: readonly string[]): CpeResult<ParameterValueStruct[]>;
  /** On success returns the names whose value changed; sets ParameterKey. */
  setParameterValues(parameters: readonly ParameterValueStruct[], parameterKey: string): CpeResult<string[]>;
  getParameterNames(parameterPath: string, nextLevel: boolean): CpeResult<ParameterInfoStruct[]>;
  getParameterAttributes(names: readonly string[]): CpeResult<ParameterAttributeStruct[]>;
  setParameterAttributes(parameters: readonly SetParameterAttributesStruct[]): CpeResult<void>;
  addObject(objectName: string, parameterKey: string): CpeResult<number>;
  deleteObject(objectName: string, parameterKey: string): CpeResult<void>;

  // ---- what the device itself does ----
  /** The raw value (passwords too), or undefined when no such parameter. */
  get(name: string): string | undefined;
  parameter(name: string): ParameterView | undefined;
  /** Every parameter, in tree order. */
  parameters(): ParameterView[];
  /** A change made by the device (not the ACS): checks the type but not the writable flag. */
  setLocal(name: string, value: string): CpeResult<{ changed: boolean }>;
  /** A new instance the device creates itself (a host joins the LAN). */
  addInstance(tablePath: string, seed?: Seed): CpeResult<number>;
  deleteInstance(instancePath: string): CpeResult<void>;
  /** The forced inform parameters (TR-181 "forced inform"), in tree order. */
  informParameterNames(): string[];
  /** UpTime counts from here. */
  markBooted(at: number): void;
  /** Back to the factory contents (FactoryReset). */
  reset(): void;
}

const isCounted = (spec: ParamSpec): boolean => typeof spec.value === 'function';

export const createDataModel = (definition: ModelDefinition, deps: DataModelDeps): DataModel => {
  const { rootName } = definition;
  let root = buildObject(definition.root, false);
  let bootedAt = deps.now();
  seedObject(root, definition.seed, rootName + '.');

  const parameterKeyName = `${rootName}.ManagementServer.ParameterKey`;

  const resolve = (path: string): Node | undefined => {
    const isObject = path.endsWith('.');
    const segments = (isObject ? path.slice(0, -1) : path).split('.');
    if (segments[0] !== rootName) return undefined;
    let node: Node = root;
    for (const segment of segments.slice(1)) {
      if (node.kind === 'object') {
        const child: Node | undefined = node.children.get(segment);
        if (child === undefined) return undefined;
        node = child;
      } else if (node.kind === 'table') {
        // Instance numbers are plain decimal: "01" or "+1" name nothing.
        if (!/^[1-9][0-9]*$/.test(segment)) return undefined;
        const instance: ObjectNode | undefined = node.instances.get(Number(segment));
        if (instance === undefined) return undefined;
        node = instance;
      } else {
        return undefined;
      }
    }
    // A trailing '.' names an object; its absence a parameter (TR-069 3.6.1).
    if (isObject !== (node.kind !== 'param')) return undefined;
    return node;
  };

  const context = (name: string) => ({
    name,
    now: deps.now(),
    bootedAt,
    countInstances: (tablePath: string) => {
      const node = resolve(tablePath);
      return node?.kind === 'table' ? node.instances.size : 0;
    },
  });

  const valueOf = (name: string, node: ParamNode): string => (typeof node.spec.value === 'function' ? node.spec.value(context(name)) : node.value);
  const isWritable = (node: ParamNode): boolean => node.spec.writable && !isCounted(node.spec);

  /** The entry at `name` and everything below it, in tree order. */
  function* walk(name: string, node: Node, writable: boolean): Generator<Entry> {
    yield { name, node, writable };
    if (node.kind === 'object') {
      for (const [childName, child] of node.children) yield* walk(childEntryName(name, childName, child), child, childWritable(child));
    } else if (node.kind === 'table') {
      for (const [number, instance] of node.instances) yield* walk(`${name}${number}.`, instance, instance.deletable);
    }
  }
  const childEntryName = (parent: string, name: string, child: Node) => (child.kind === 'param' ? parent + name : `${parent}${name}.`);
  const childWritable = (child: Node): boolean =>
    child.kind === 'param' ? isWritable(child) : child.kind === 'table' ? child.spec.writable : child.deletable;

  const children = (name: string, node: ObjectNode | TableNode): Entry[] =>
    node.kind === 'object'
      ? [...node.children].map(([childName, child]) => ({ name: childEntryName(name, childName, child), node: child, writable: childWritable(child) }))
      : [...node.instances].map(([number, instance]) => ({ name: `${name}${number}.`, node: instance, writable: instance.deletable }));

  const rootEntries = () => walk(rootName + '.', root, false);

  /** Parameters named by a full name or a partial path ('' is the whole tree), or undefined for 9005. */
  const parametersUnder = (name: string): Array<{ name: string; node: ParamNode }> | undefined => {
    const entries = name === '' ? rootEntries() : (() => {
      const node = resolve(name);
      return node === undefined ? undefined : walk(name, node, false);
    })();
    if (entries === undefined) return undefined;
    const found: Array<{ name: string; node: ParamNode }> = [];
    for (const entry of entries) if (entry.node.kind === 'param') found.push({ name: entry.name, node: entry.node });
    return found;
  };

  const view = (name: string, node: ParamNode): ParameterView => ({
    name,
    value: valueOf(name, node),
    type: node.spec.type,
    writable: isWritable(node),
    notification: node.notification,
    accessList: [...node.accessList],
  });

  const setParameterKey = (parameterKey: string) => {
    const node = resolve(parameterKeyName);
    if (node?.kind === 'param') node.value = parameterKey;
  };

  const constraintProblem = (spec: ParamSpec, value: string): string | undefined => {
    const c = spec.constraint;
    if (c === undefined) return undefined;
    if (c.maxLength !== undefined && value.length > c.maxLength) return `longer than ${c.maxLength} characters`;
    if (c.enumeration !== undefined && !c.enumeration.includes(value)) return `not one of ${c.enumeration.join(', ')}`;
    if (c.min !== undefined && Number(value) < c.min) return `below ${c.min}`;
    if (c.max !== undefined && Number(value) > c.max) return `above ${c.max}`;
    return undefined;
  };

  const valueProblem = (spec: ParamSpec, value: string): string | undefined =>
    fitsValueType(spec.type, value) ? constraintProblem(spec, value) : `not a valid ${spec.type}`;

  const tableOf = (instancePath: string): { table: TableNode; number: number } | undefined => {
    const match = /^(.*\.)([1-9][0-9]*)\.$/.exec(instancePath);
    if (match === null) return undefined;
    const table = resolve(match[1] ?? '');
    return table?.kind === 'table' ? { table, number: Number(match[2]) } : undefined;
  };

  const createInstance = (table: TableNode, path: string, seed: Seed | undefined): CpeResult<number> => {
    if (table.spec.maxEntries !== undefined && table.instances.size >= table.spec.maxEntries)
      return err(cpeFault(9004, `${path} holds at most ${table.spec.maxEntries} instances`));
    const number = table.nextInstance++;
    const instance = buildObject(table.spec.entry, table.spec.writable);
    table.instances.set(number, instance);
    if (seed !== undefined) seedObject(instance, seed, `${path}${number}.`);
    return ok(number);
  };

  return {
    rootName,

    getParameterValues(names) {
      const result: ParameterValueStruct[] = [];
      for (const name of names) {
        const found = parametersUnder(name);
        if (found === undefined) return err(cpeFault(9005, name));
        for (const { name: full, node } of found) result.push({ name: full, value: node.spec.secret ? '' : valueOf(full, node), type: node.spec.type });
      }
      return ok(result);
    },

    setParameterValues(parameters, parameterKey) {
      const seen = new Set<string>();
      for (const { name } of parameters) {
        if (seen.has(name)) return err(cpeFault(9003, `${name} appears more than once`));
        seen.add(name);
      }
      const faults: SetParameterValuesFault[] = [];
      const writes: Array<{ node: ParamNode; value: string; name: string }> = [];
      const faultFor = (parameterName: string, faultCode: number, detail: string) =>
        faults.push({ parameterName, faultCode, faultString: faultText(faultCode, detail) });
      for (const { name, value, type } of parameters) {
        const node = resolve(name);
        if (node === undefined || node.kind !== 'param') faultFor(name, 9005, name);
        else if (!isWritable(node)) faultFor(name, 9008, name);
        else if (type !== node.spec.type) faultFor(name, 9006, `${name} is ${node.spec.type}, not ${type}`);
        else {
          const problem = valueProblem(node.spec, value);
          if (problem !== undefined) faultFor(name, 9007, `${JSON.stringify(value)} is ${problem}`);
          else writes.push({ node, value, name });
        }
      }
      if (faults.length > 0) return err(cpeFault(9003, `${faults.length} parameter(s) in error`, faults));
      const changed: string[] = [];
      for (const { node, value, name } of writes) {
        if (node.value !== value) changed.push(name);
        node.value = value;
      }
      setParameterKey(parameterKey);
      return ok(changed);
    },

    getParameterNames(parameterPath, nextLevel) {
      if (parameterPath === '') {
        if (nextLevel) return ok([{ name: rootName + '.', writable: false }]);
        return ok([...rootEntries()].map(({ name, writable }) => ({ name, writable })));
      }
      const node = resolve(parameterPath);
      if (node === undefined) return err(cpeFault(9005, parameterPath));
      if (node.kind === 'param') {
        // TR-069 A.3.2.3: NextLevel true with a parameter name is invalid.
        if (nextLevel) return err(cpeFault(9003, `${parameterPath} is a parameter; NextLevel must be false`));
        return ok([{ name: parameterPath, writable: isWritable(node) }]);
      }
      const entries = nextLevel ? children(parameterPath, node) : [...walk(parameterPath, node, node.kind === 'table' ? node.spec.writable : node.deletable)];
      return ok(entries.map(({ name, writable }) => ({ name, writable })));
    },

    getParameterAttributes(names) {
      const result: ParameterAttributeStruct[] = [];
      for (const name of names) {
        const found = parametersUnder(name);
        if (found === undefined) return err(cpeFault(9005, name));
        for (const { name: full, node } of found) result.push({ name: full, notification: node.notification, accessList: [...node.accessList] });
      }
      return ok(result);
    },

    setParameterAttributes(parameters) {
      const updates: Array<() => void> = [];
      for (const attributes of parameters) {
        const found = parametersUnder(attributes.name);
        if (found === undefined) return err(cpeFault(9005, attributes.name));
        const explicit = !attributes.name.endsWith('.') && attributes.name !== '';
        if (attributes.notificationChange) {
          const notification = attributes.notification;
          if (!Number.isInteger(notification) || notification < 0 || notification > 6)
            return err(cpeFault(9003, `notification ${notification} for ${attributes.name}`));
          // 3-6 are TR-069 Amendment 5's lightweight notifications, which this CPE does not offer.
          if (notification > 2) return err(cpeFault(9009, `notification ${notification} (lightweight) is not supported`));
          for (const { name, node } of found) {
            const refused =
              (node.spec.activeNotify === 'denied' && notification === 2) || (node.spec.activeNotify === 'forced' && notification !== 2);
            // A partial path covers many parameters: refused ones keep theirs, as TR-069 A.3.2.4 allows.
            if (refused && explicit) return err(cpeFault(9009, `${name} does not accept notification ${notification}`));
            if (!refused) updates.push(() => (node.notification = notification));
          }
        }
        if (attributes.accessListChange) {
          const unknown = attributes.accessList.filter((entry) => entry !== 'Subscriber');
          if (unknown.length > 0) return err(cpeFault(9003, `unknown access list entries ${unknown.join(', ')}`));
          for (const { node } of found) updates.push(() => (node.accessList = [...attributes.accessList]));
        }
      }
      for (const update of updates) update();
      return ok(undefined);
    },

    addObject(objectName, parameterKey) {
      const node = objectName.endsWith('.') ? resolve(objectName) : undefined;
      if (node === undefined || node.kind !== 'table') return err(cpeFault(9005, `${objectName} is not a multi-instance object`));
      if (!node.spec.writable) return err(cpeFault(9001, `${objectName} is read-only`));
      const created = createInstance(node, objectName, undefined);
      if (created.ok) setParameterKey(parameterKey);
      return created;
    },

    deleteObject(objectName, parameterKey) {
      const located = tableOf(objectName);
      if (located === undefined || !located.table.instances.has(located.number)) return err(cpeFault(9005, `${objectName} is not an object instance`));
      if (!located.table.spec.writable) return err(cpeFault(9001, `${objectName} cannot be deleted`));
      located.table.instances.delete(located.number);
      setParameterKey(parameterKey);
      return ok(undefined);
    },

    get(name) {
      const node = resolve(name);
      return node?.kind === 'param' ? valueOf(name, node) : undefined;
    },

    parameter(name) {
      const node = resolve(name);
      return node?.kind === 'param' ? view(name, node) : undefined;
    },

    parameters() {
      return (parametersUnder('') ?? []).map(({ name, node }) => view(name, node));
    },

    setLocal(name, value) {
      const node = resolve(name);
      if (node === undefined || node.kind !== 'param') return err(cpeFault(9005, name));
      if (isCounted(node.spec)) return err(cpeFault(9008, `${name} is computed`));
      const problem = valueProblem(node.spec, value);
      if (problem !== undefined) return err(cpeFault(9007, `${JSON.stringify(value)} is ${problem}`));
      const changed = node.value !== value;
      node.value = value;
      return ok({ changed });
    },

    addInstance(tablePath, seed) {
      const node = resolve(tablePath);
      if (node === undefined || node.kind !== 'table') return err(cpeFault(9005, `${tablePath} is not a multi-instance object`));
      return createInstance(node, tablePath, seed);
    },

    deleteInstance(instancePath) {
      const located = tableOf(instancePath);
      if (located === undefined || !located.table.instances.delete(located.number)) return err(cpeFault(9005, instancePath));
      return ok(undefined);
    },

    informParameterNames() {
      return (parametersUnder('') ?? []).filter(({ node }) => node.spec.inform === true).map(({ name }) => name);
    },

    markBooted(at) {
      bootedAt = at;
    },

    reset() {
      root = buildObject(definition.root, false);
      seedObject(root, definition.seed, rootName + '.');
    },
  };
};

function buildObject(spec: ObjectSpec, deletable: boolean): ObjectNode {
  const children = new Map<string, Node>();
  for (const [name, child] of Object.entries(spec.children)) {
    if (child.kind === 'param')
      children.set(name, {
        kind: 'param',
        spec: child,
        value: typeof child.value === 'string' ? child.value : '',
        notification: child.notification ?? (child.activeNotify === 'forced' ? 2 : 0),
        accessList: [],
      });
    else if (child.kind === 'object') children.set(name, buildObject(child, false));
    else children.set(name, { kind: 'table', spec: child, nextInstance: 1, instances: new Map() });
  }
  return { kind: 'object', spec, children, deletable };
}

/** Factory contents; a seed that does not fit the spec is a bug in the model definition, so it throws. */
function seedObject(object: ObjectNode, seed: Seed, path: string): void {
  for (const [name, content] of Object.entries(seed)) {
    const child = object.children.get(name);
    if (child === undefined) throw new Error(`seed names ${path}${name}, which the model does not define`);
    if (typeof content === 'string') {
      if (child.kind !== 'param' || typeof child.spec.value === 'function') throw new Error(`seed sets ${path}${name}, which is not a stored parameter`);
      if (!fitsValueType(child.spec.type, content)) throw new Error(`seed value ${JSON.stringify(content)} for ${path}${name} is not a ${child.spec.type}`);
      child.value = content;
    } else if (Array.isArray(content)) {
      if (child.kind !== 'table') throw new Error(`seed lists instances for ${path}${name}, which is not a table`);
      for (const instanceSeed of content) {
        const number = child.nextInstance++;
        const instance = buildObject(child.spec.entry, child.spec.writable);
        child.instances.set(number, instance);
        seedObject(instance, instanceSeed, `${path}${name}.${number}.`);
      }
    } else {
      if (child.kind !== 'object') throw new Error(`seed describes ${path}${name} as an object`);
      seedObject(child, content, `${path}${name}.`);
    }
  }
}
