import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { StackError } from './errors.js';
import type { ServerName, StackContext } from './server.js';

/** Runs Maven, turning its transfer log into short progress lines. */
export const mvn = (ctx: StackContext, server: ServerName, args: string[], cwd: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn('mvn', ['-B', `-Dmaven.repo.local=${ctx.m2Repo}`, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    let downloaded = 0;
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 200) output.shift();
      const m = /Downloaded from \S+: \S+\/([^/\s]+) \(([^,)]+)/.exec(line);
      if (m) {
        downloaded += 1;
        // Poms and checksums are noise; jars and archives are what a user waits for.
        if (!m[1]!.endsWith('.pom') && !m[1]!.endsWith('.sha1')) ctx.say(server, `downloaded ${m[1]} (${m[2]})`);
      }
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    child.on('error', (e) => reject(new StackError('STACK_DOWNLOAD_FAILED', `cannot run mvn: ${e.message}`, server)));
    child.on('close', (code) => {
      if (code === 0) {
        if (downloaded > 0) ctx.say(server, `${downloaded} files fetched from Maven Central`);
        resolve();
      } else {
        const errors = output.filter((l) => l.includes('ERROR')).slice(0, 5).join('\n');
        reject(new StackError('STACK_DOWNLOAD_FAILED', `mvn ${args.join(' ')} failed (exit ${code}):\n${errors || output.slice(-20).join('\n')}`, server));
      }
    });
  });

/** A folder counts as installed when it holds the marker written after a complete download. */
export const installedMarker = (dir: string, version: string) => ({
  done: () => existsSync(join(dir, '.installed')) && readFileSync(join(dir, '.installed'), 'utf8').trim() === version,
  mark: () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.installed'), version);
  },
});

/** Fetches the runtime dependencies of infra/local/maven/<pomDir>/pom.xml into outDir (offline once installed). */
export const installJars = async (ctx: StackContext, server: ServerName, pomDir: string, version: string): Promise<string> => {
  const dir = join(ctx.paths.dist, server);
  const marker = installedMarker(dir, version);
  if (marker.done()) return dir;
  ctx.say(server, `fetching ${version} from Maven Central (cached in ${dir})`);
  await mvn(ctx, server, ['package', `-DoutDir=${join(dir, 'lib')}`], join(ctx.paths.maven, pomDir));
  marker.mark();
  return dir;
};
