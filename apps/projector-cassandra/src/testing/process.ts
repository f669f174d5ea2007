// The projector as its own process, as in production: started from main.ts, stopped or killed by signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './stack.js';

export interface ProjectorProcess {
  child: ChildProcess;
  metricsPort: number;
  /** Log lines so far (stdout and stderr), for failure messages. */
  lines: string[];
  /** SIGTERM; resolves with the exit code. */
  stop: () => Promise<number | null>;
  /** SIGKILL: no shutdown, no last commit. */
  kill: () => Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Starts apps/projector-cassandra/src/main.ts; resolves once it consumes (it has joined its group,
 * which after a crash waits for the dead member's session to expire, 6 s in tests).
 */
export const spawnProjector = (env: Record<string, string>, readyWithinMs = 120_000): Promise<ProjectorProcess> =>
  new Promise((resolve, reject) => {
    // node --import tsx, not the tsx binary (which runs a second process): the pid is the projector's own.
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'apps/projector-cassandra/src/main.ts')], {
      cwd: repoRoot,
      // A killed member is replaced after 6 s instead of Kafka's default 30.
      env: { ...process.env, FLEETLOG_PROJECTOR_CASSANDRA_SESSION_TIMEOUT_MS: '6000', ...env, FLEETLOG_LOG_LEVEL: env.FLEETLOG_LOG_LEVEL ?? 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`projector-cassandra did not consume within ${readyWithinMs} ms:\n${lines.slice(-30).join('\n')}`));
    }, readyWithinMs);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const signal = async (s: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(s);
      return exited;
    };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line.includes('projector-cassandra consuming')) {
        clearTimeout(timer);
        const { metricsPort } = JSON.parse(line) as { metricsPort: number };
        resolve({ child, metricsPort, lines, exited, stop: () => signal('SIGTERM'), kill: async () => void (await signal('SIGKILL')) });
      }
    });
    createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`projector-cassandra exited with ${code} before it consumed:\n${lines.slice(-30).join('\n')}`));
    });
  });
