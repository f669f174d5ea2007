// The simulator logs through the same minimal interface as the rest of Fleetlog (pino fits it).
export { silentLogger, type Logger } from '@fleetlog/events';
