import type { StackPaths } from './paths.js';

export type ServerName = 'postgres' | 'mosquitto' | 'kafka' | 'registry' | 'cassandra';

export interface StackContext {
  paths: StackPaths;
  /** Progress line for the user, prefixed with the server's name. */
  say: (server: ServerName | 'stack', message: string) => void;
  ports: { kafka: number; kafkaController: number; registry: number; cassandra: number; postgres: number; mosquitto: number };
  java: string;
  m2Repo: string;
  postgresAdminUrl: string;
}

/** How one server of the local stack is installed, started, checked and stopped. */
export interface Server {
  name: ServerName;
  /** Started and stopped by this stack (JVM servers), or a system service we only reuse or start. */
  managed: boolean;
  /** The port whose owner we check before starting. */
  port: (ctx: StackContext) => number;
  endpoints: (ctx: StackContext) => Record<string, string>;
  /** Makes the server's software available: Maven download, or the Debian package. */
  install: (ctx: StackContext) => Promise<void>;
  /** Starts the server; returns without waiting for health. */
  start: (ctx: StackContext) => Promise<void>;
  /** A real round trip (produce, schema lookup, CQL, SQL, MQTT publish); throws when unhealthy. */
  check: (ctx: StackContext) => Promise<string>;
  /** Pid of the process we started, if it still runs. */
  pid: (ctx: StackContext) => number | undefined;
  logFile: (ctx: StackContext) => string;
  /** Seconds to wait for health after start. */
  startTimeoutSeconds: number;
}
