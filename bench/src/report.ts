import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Row {
  what: string;
  count: number;
  seconds: number;
}

export const rate = (r: Row) => r.count / r.seconds;

/** The machine a figure was measured on, printed with every benchmark. */
export const machine = () => `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

/** Prints figures next to the ceiling measured in the same run, with the ratio, and keeps a JSON copy. */
export const report = (name: string, pairs: { measured: Row; ceiling: Row }[]) => {
  console.log(`\n${name} — ${new Date().toISOString()} — ${machine()}`);
  console.log(`${'measured'.padEnd(44)} ${'msgs/s'.padStart(10)}   ${'ceiling'.padEnd(36)} ${'msgs/s'.padStart(10)}  ratio`);
  for (const { measured, ceiling } of pairs) {
    console.log(
      `${measured.what.padEnd(44)} ${rate(measured).toFixed(0).padStart(10)}   ${ceiling.what.padEnd(36)} ${rate(ceiling).toFixed(0).padStart(10)}  ${((100 * rate(measured)) / rate(ceiling)).toFixed(1)}%`,
    );
  }
  const dir = join(process.cwd(), 'tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, at: new Date().toISOString(), machine: machine(), pairs }, null, 2));
};

export const timed = async (what: string, count: number, f: () => Promise<void>): Promise<Row> => {
  const t0 = process.hrtime.bigint();
  await f();
  return { what, count, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
};
