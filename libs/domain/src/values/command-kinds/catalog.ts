import { cwmpCommandKinds } from './cwmp-kinds.js';
import { mqttCommandKinds } from './mqtt-kinds.js';
import { uspCommandKinds } from './usp-kinds.js';
import type { Protocol } from '../protocol.js';
import type { Infer } from '../shape.js';

// Every command kind Fleetlog can send, with its protocol and argument shape.
export const commandCatalog = { ...cwmpCommandKinds, ...uspCommandKinds, ...mqttCommandKinds } as const;

type Catalog = typeof commandCatalog;

export type CommandKind = keyof Catalog;

export type CommandArguments<K extends CommandKind> = Infer<Catalog[K]['arguments']>;

export type ProtocolOfKind<K extends CommandKind> = Catalog[K]['protocol'];

export type CommandKindOf<P extends Protocol> = { [K in CommandKind]: ProtocolOfKind<K> extends P ? K : never }[CommandKind];

// A validated request, discriminated on `kind` so a switch gets typed arguments.
export type ValidCommandArguments = {
  [K in CommandKind]: { readonly protocol: ProtocolOfKind<K>; readonly kind: K; readonly arguments: CommandArguments<K> };
}[CommandKind];

export const commandKinds = Object.keys(commandCatalog) as CommandKind[];

export const isCommandKind = (value: unknown): value is CommandKind =>
  typeof value === 'string' && Object.hasOwn(commandCatalog, value);

export const commandKindsOf = <P extends Protocol>(protocol: P): CommandKindOf<P>[] =>
  commandKinds.filter((kind): kind is CommandKindOf<P> => commandCatalog[kind].protocol === protocol);
