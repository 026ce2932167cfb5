/**
 * Typed errors shared by actions and adapters. Each carries the HTTP status a web action answers with,
 * so the action wrapper can map any error to a response without guessing.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: 400 with the offending fields named. */
export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message, 400, 'VALIDATION_FAILED');
  }
}

export class AuthenticationError extends AppError {
  constructor(message = 'cannot authorize request') {
    super(message, 401, 'UNAUTHORIZED');
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, 404, 'NOT_FOUND');
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 409, 'CONFLICT');
  }
}

/** Read-only mode refused an outbound state-changing call before any network I/O. */
export class WriteBlockedError extends AppError {
  constructor(
    readonly target: 'amazon' | 'commerce',
    readonly operation: string,
  ) {
    super(
      `Read-only mode is on: ${target} ${operation} was held back and will be sent once it is switched off`,
      409,
      'READ_ONLY_MODE',
    );
  }
}

/** A call to Amazon or Commerce failed; keeps the upstream HTTP status. */
export class UpstreamError extends AppError {
  constructor(
    readonly service: 'amazon' | 'commerce',
    readonly operation: string,
    readonly httpStatus: number,
    readonly upstreamCode: string,
    message: string,
    readonly retryable: boolean,
    readonly details?: string,
  ) {
    super(message, 502, upstreamCode);
  }
}
