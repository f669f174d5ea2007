/** The read models, each a set of tables one projection writes. A rebuild swaps whole models. */
export const readModels = {
  tenants: ['tenants', 'api_keys'],
  devices: ['devices'],
  parameters: ['device_parameters', 'parameter_history'],
  commands: ['commands'],
  sessions: ['device_sessions'],
  timeline: ['device_timeline'],
} as const;

export type ReadModel = keyof typeof readModels;
export const allReadModels = Object.keys(readModels) as ReadModel[];

export const isReadModel = (name: string): name is ReadModel => Object.hasOwn(readModels, name);

export const tablesOf = (models: Iterable<ReadModel>): string[] => [...models].flatMap((m) => readModels[m]);
