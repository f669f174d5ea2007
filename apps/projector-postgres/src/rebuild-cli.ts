#!/usr/bin/env tsx
// Rebuilds Postgres read models from offset 0 beside the live ones and swaps them in.
// Usage: npm run rebuild -- [--models devices,parameters] [--no-swap]
import { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from './config.js';
import { rebuildReadModels } from './rebuild.js';
import { allReadModels, isReadModel, type ReadModel } from './read-models/models.js';

const program = new Command('rebuild')
  .description('rebuild read models from the start of the log into fresh tables, then swap them in')
  .option('--models <list>', `comma-separated, from: ${allReadModels.join(', ')}`, allReadModels.join(','))
  .option('--no-swap', 'stop once caught up and leave the rebuilt tables in their own schema')
  .action(async (o: { models: string; swap: boolean }) => {
    const models = o.models.split(',').map((m) => m.trim()).filter(Boolean);
    const unknown = models.filter((m) => !isReadModel(m));
    if (unknown.length > 0 || models.length === 0) throw new Error(`unknown read model(s): ${unknown.join(', ') || '(none given)'}; choose from ${allReadModels.join(', ')}`);
    const config = loadConfig(process.env);
    const logger = pino({ name: 'rebuild', level: config.FLEETLOG_LOG_LEVEL === 'info' ? 'warn' : config.FLEETLOG_LOG_LEVEL });
    const result = await rebuildReadModels(config, logger, {
      models: models as ReadModel[],
      swap: o.swap,
      onProgress: (p) => {
        const pct = p.target > 0n ? Number((p.applied * 1000n) / p.target) / 10 : 100;
        process.stdout.write(`${p.phase.padEnd(10)} ${p.applied.toLocaleString('en')} / ${p.target.toLocaleString('en')} records (${pct.toFixed(1)}%)  ${Math.round(p.eventsPerSecond).toLocaleString('en')} records/s\n`);
      },
    });
    console.log(
      result.retiredSchema
        ? `rebuilt ${models.join(', ')} from ${result.events.toLocaleString('en')} records in ${result.seconds.toFixed(1)} s and swapped them in; the replaced tables are in schema ${result.retiredSchema} (DROP SCHEMA ${result.retiredSchema} CASCADE when satisfied)`
        : `rebuilt ${models.join(', ')} from ${result.events.toLocaleString('en')} records in ${result.seconds.toFixed(1)} s into schema ${result.shadowSchema} (not swapped)`,
    );
  });

program.parseAsync().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`rebuild failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
