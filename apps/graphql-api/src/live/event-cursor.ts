import { ApiError } from '../errors.js';

/** A place in the log: when the event was recorded and where it sits on its partition. */
export interface EventPosition {
  recordedAt: number;
  topic: string;
  partition: number;
  offset: string;
}

export const encodeEventCursor = (p: EventPosition): string => Buffer.from(JSON.stringify([p.recordedAt, p.topic, p.partition, p.offset])).toString('base64url');

/** Where to resume from: an event cursor (after that event) or an ISO time (events recorded at or after it). */
export type ResumePoint = { recordedAt: number; after?: Omit<EventPosition, 'recordedAt'> };

export const parseResumePoint = (after: string): ResumePoint => {
  if (/^\d{4}-\d{2}-\d{2}T/.test(after)) {
    const t = Date.parse(after);
    if (Number.isNaN(t)) throw new ApiError('INVALID_CURSOR', `"${after}" is not an ISO time`);
    return { recordedAt: t };
  }
  try {
    const v = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 4 && typeof v[0] === 'number' && typeof v[1] === 'string' && Number.isInteger(v[2]) && typeof v[3] === 'string' && /^\d+$/.test(v[3])) {
      return { recordedAt: v[0], after: { topic: v[1], partition: v[2], offset: v[3] } };
    }
  } catch {
    // falls through to the error below
  }
  throw new ApiError('INVALID_CURSOR', "'after' must be an event cursor from this API or an ISO time");
};

/** True when an event at `p` comes after the resume point (events of other partitions recorded at the same instant are included). */
export const isAfter = (p: EventPosition, from: ResumePoint): boolean => {
  if (p.recordedAt < from.recordedAt) return false;
  const a = from.after;
  if (a && a.topic === p.topic && a.partition === p.partition) return BigInt(p.offset) > BigInt(a.offset);
  return true;
};
