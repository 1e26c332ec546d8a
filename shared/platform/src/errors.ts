import type { ErrorCode } from "@onewindow/contracts";
import { GraphQLError } from "graphql";

/** Base of every error a resolver or service throws on purpose: it reaches the client with its code. */
export class OneWindowError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** The input is wrong; `field` names the input field so a clerk knows what to correct. */
export class BadUserInputError extends OneWindowError {
  constructor(message: string, field?: string) {
    super("BAD_USER_INPUT", field ? `${field}: ${message}` : message, field ? { field } : {});
  }
}

/** A referenced record (citizen, employer, hospital ...) does not exist. */
export class NotFoundError extends OneWindowError {
  constructor(message: string) {
    super("NOT_FOUND", message);
  }
}

/** The act clashes with what is already recorded (a second registration, a closed record). */
export class ConflictError extends OneWindowError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends OneWindowError {
  constructor(message: string) {
    super("FORBIDDEN", message);
  }
}

/** The caller has done this too often for now (a cap per hour); the message says when to try again. */
export class RateLimitedError extends OneWindowError {
  constructor(message: string) {
    super("RATE_LIMITED", message);
  }
}

/** The caller could not be identified. */
export class UnauthenticatedError extends OneWindowError {
  constructor(message: string) {
    super("UNAUTHENTICATED", message);
  }
}
