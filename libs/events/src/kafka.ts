import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from './logger.js';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Bounded so that an unavailable Kafka surfaces as a retriable error instead of a hang. */
  retry?: { retries: number; initialRetryTime: number; maxRetryTime: number };
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export const DEFAULT_RETRY = { retries: 6, initialRetryTime: 200, maxRetryTime: 3000 };

const levels: Record<number, keyof Logger> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs client whose log lines go to our logger. Internal: apps use the bus, not kafkajs. */
export const createKafka = (settings: KafkaSettings, logger: Logger): Kafka =>
  new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: settings.connectionTimeoutMs ?? 3000,
    requestTimeout: settings.requestTimeoutMs ?? 30000,
    retry: settings.retry ?? DEFAULT_RETRY,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        const { message, ...rest } = log;
        // Bounded retries on the idempotent producer are our choice (see DEFAULT_RETRY); not news.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        logger[levels[level] ?? 'info']({ kafka: namespace, ...rest }, message);
      },
  });
