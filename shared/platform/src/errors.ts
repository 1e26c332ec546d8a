import type { ErrorCode } from "@onewindow/contracts";
import type { LocalizedText } from "@onewindow/contracts/i18n";
import { GraphQLError } from "graphql";

/**
 * Base of every error a resolver or service throws on purpose: it reaches the client with its
 * code, the English text as `message` (for API clients) and the Chinese as
 * `extensions.localizedMessage` (English instead when the request's Accept-Language asks for
 * it). The text comes from the department's message catalogue, never from a string literal.
 */
export class OneWindowError extends GraphQLError {
  constructor(code: ErrorCode, text: LocalizedText, extensions: Record<string, unknown> = {}, message = text.en) {
    super(message, { extensions: { ...extensions, code, localizedMessage: text.zh } });
  }
}

/** The input is wrong; `field` names the input field so a clerk knows what to correct. */
export class BadUserInputError extends OneWindowError {
  constructor(text: LocalizedText, field?: string) {
    super("BAD_USER_INPUT", text, field ? { field } : {}, field ? `${field}: ${text.en}` : text.en);
  }
}

/** A referenced record (citizen, employer, hospital ...) does not exist. */
export class NotFoundError extends OneWindowError {
  constructor(text: LocalizedText) {
    super("NOT_FOUND", text);
  }
}

/** The act clashes with what is already recorded (a second registration, a closed record). */
export class ConflictError extends OneWindowError {
  constructor(text: LocalizedText) {
    super("CONFLICT", text);
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends OneWindowError {
  constructor(text: LocalizedText) {
    super("FORBIDDEN", text);
  }
}

/** The caller has done this too often for now (a cap per hour); the message says when to try again. */
export class RateLimitedError extends OneWindowError {
  constructor(text: LocalizedText) {
    super("RATE_LIMITED", text);
  }
}

/** The caller could not be identified. */
export class UnauthenticatedError extends OneWindowError {
  constructor(text: LocalizedText) {
    super("UNAUTHENTICATED", text);
  }
}
