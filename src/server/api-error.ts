// The API's error answers: a code, a message for people, and fields a client can act on (role, field, fingerprint).
import type { ApiErrorBody, ErrorCode } from '../core/remote/api-types';

export const STATUS: Record<ErrorCode, number> = { unauthorized: 401, forbidden: 403, 'not-found': 404, 'bad-request': 400, 'rate-limited': 429, conflict: 409, 'host-error': 502, internal: 500 };

export class ApiError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly extra: Omit<ApiErrorBody['error'], 'code' | 'message'> = {}) {
    super(message);
  }
}
