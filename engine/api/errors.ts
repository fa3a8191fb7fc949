/**
 * API errors as the server returns them: a metav1.Status with a reason, an HTTP code and a
 * message, built with the exact wording of k8s.io/apimachinery/pkg/api/errors.
 */
import { fieldErrorText, type FieldError } from './field-error';

/** The Status reasons Podlab's API server produces. */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'Gone'
  | 'InternalError'
  | 'Timeout';

/** One cause of an Invalid error (metav1.StatusCause). */
export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

/** A failed API call, shaped like metav1.Status. */
export interface StatusError {
  readonly status: 'Failure';
  readonly reason: StatusReason;
  readonly code: number;
  readonly message: string;
  readonly details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: StatusCause[];
  };
}

/** The result of an API call: a value or a Status error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: StatusError };

/** Wraps a value as a successful Result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** Wraps a StatusError as a failed Result. */
export const fail = <T = never>(error: StatusError): Result<T> => ({ ok: false, error });

/** `<resource>.<group>` or `<resource>` for the core group, as errors name resources. */
function qualified(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

/** errors.NewNotFound: `jobs.batch "x" not found`. */
export function notFound(group: string, resource: string, name: string): StatusError {
  return {
    status: 'Failure',
    reason: 'NotFound',
    code: 404,
    message: `${qualified(resource, group)} "${name}" not found`,
    details: { name, group, kind: resource },
  };
}

/** errors.NewAlreadyExists: `jobs.batch "x" already exists`. */
export function alreadyExists(group: string, resource: string, name: string): StatusError {
  return {
    status: 'Failure',
    reason: 'AlreadyExists',
    code: 409,
    message: `${qualified(resource, group)} "${name}" already exists`,
    details: { name, group, kind: resource },
  };
}

/** errors.NewConflict: `Operation cannot be fulfilled on jobs.batch "x": <why>`. */
export function conflict(group: string, resource: string, name: string, why: string): StatusError {
  return {
    status: 'Failure',
    reason: 'Conflict',
    code: 409,
    message: `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${why}`,
    details: { name, group, kind: resource },
  };
}

/**
 * errors.NewInvalid: message `<Kind>.<group> "<name>" is invalid: <errors>` where one error is
 * printed alone and several as `[e1, e2]`; each error becomes a cause.
 */
export function invalid(
  group: string,
  kind: string,
  name: string,
  errs: readonly FieldError[],
): StatusError {
  const texts = errs.map(fieldErrorText);
  const aggregate = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return {
    status: 'Failure',
    reason: 'Invalid',
    code: 422,
    message: `${qualifiedKind} "${name}" is invalid: ${aggregate}`,
    details: {
      name,
      group,
      kind,
      causes: errs.map((e, i) => ({
        reason: e.type,
        message: texts[i].slice(e.field.length + 2),
        field: e.field,
      })),
    },
  };
}

/** errors.NewBadRequest with a free message. */
export function badRequest(message: string): StatusError {
  return { status: 'Failure', reason: 'BadRequest', code: 400, message };
}

/** errors.NewForbidden-style error with a free message. */
export function forbidden(message: string, details?: StatusError['details']): StatusError {
  return { status: 'Failure', reason: 'Forbidden', code: 403, message, details };
}

/** errors.NewMethodNotSupported-style error. */
export function methodNotAllowed(message: string): StatusError {
  return { status: 'Failure', reason: 'MethodNotAllowed', code: 405, message };
}

/** errors.NewInternalError. */
export function internalError(message: string): StatusError {
  return {
    status: 'Failure',
    reason: 'InternalError',
    code: 500,
    message: `Internal error occurred: ${message}`,
  };
}
