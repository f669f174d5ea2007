import pino from 'pino';

/**
 * An app's logger: JSON lines on stdout. Writes are asynchronous, so a busy app coalesces many
 * lines into one write instead of blocking on one system call per line; what is buffered is
 * flushed when the process exits.
 */
export const createLogger = (name: string, level: string) => pino({ name, level }, pino.destination({ dest: 1, sync: false }));
