#!/usr/bin/env tsx
// Benchmarks: each prints its figure next to a raw ceiling measured in the same run.
// Usage: npm run bench -- <name> [options]
import { Command } from 'commander';
import { kafkaBaseline } from './kafka-baseline/run.js';

const program = new Command('bench');
program
  .command('kafka-baseline')
  .description('raw kafkajs produce/consume vs libs/events (Avro + registry)')
  .option('--messages <n>', 'messages per phase', '200000')
  .option('--batch <n>', 'messages per produce call (100-500)', '250')
  .option('--writers <n>', 'produce calls in flight', '4')
  .action(async (o: { messages: string; batch: string; writers: string }) => {
    await kafkaBaseline({ messages: Number(o.messages), batch: Number(o.batch), writers: Number(o.writers) });
  });
program.parseAsync().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
