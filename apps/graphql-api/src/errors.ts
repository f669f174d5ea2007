import { GraphQLError } from 'graphql';
import type { DomainError } from '@fleetlog/domain';

/** Stable codes a console can switch on; they are `extensions.code` of every GraphQL error. */
export const apiErrorCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'DEVICE_NOT_FOUND',
  'COMMAND_NOT_FOUND',
  'API_KEY_NOT_FOUND',
  'INVALID_ARGUMENTS',
  'INVALID_CURSOR',
  'RANGE_TOO_LARGE',
  'BULK_TOO_LARGE',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'INTROSPECTION_DISABLED',
  'GRAPHQL_VALIDATION_FAILED',
  'EVENTS_UNAVAILABLE',
  'SUBSCRIBER_TOO_SLOW',
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof apiErrorCodes)[number];

/** An expected failure; its message is safe to show to the caller. */
export class ApiError extends GraphQLError {
  constructor(
    readonly code: ApiErrorCode | DomainError['code'],
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A domain decision that failed becomes a GraphQL error with the domain's code (and every problem). */
export const fromDomainError = (e: DomainError): ApiError =>
  new ApiError(e.code, e.message, 'problems' in e ? { problems: e.problems } : {});

export const unauthenticated = (why: string) => new ApiError('UNAUTHENTICATED', why);
export const forbidden = (why: string) => new ApiError('FORBIDDEN', why);
