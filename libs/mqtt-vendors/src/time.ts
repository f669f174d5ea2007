// The telemetry projector refuses samples before 2000 or more than a day after they were recorded
// (apps/projector-cassandra/src/telemetry/validate.ts); a device clock outside that window is not
// trusted, and the time of receipt stands in for it.
const earliest = Date.UTC(2000, 0, 1);
const dayMs = 24 * 60 * 60 * 1000;

/** Epoch millis from a device clock when plausible, else the time of receipt. */
export const deviceTime = (millis: unknown, receivedAt: number): number =>
  typeof millis === 'number' && Number.isFinite(millis) && millis >= earliest && millis <= receivedAt + dayMs
    ? Math.round(millis)
    : receivedAt;

/** The same for clocks that count seconds (Shelly `ts`, possibly fractional). */
export const deviceTimeSeconds = (seconds: unknown, receivedAt: number): number =>
  deviceTime(typeof seconds === 'number' ? seconds * 1000 : undefined, receivedAt);
