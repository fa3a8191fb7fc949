/**
 * The apiserver's decoding of a create/update body with server-side field validation, which
 * kubectl 1.32 requests by default (`--validate=strict` → fieldValidation=Strict): type errors
 * and unknown fields become a 400 BadRequest
 * `Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "…"`
 * (k8s.io/apiserver endpoints/handlers/rest.go#transformDecodeError).
 */
import { badRequest, type StatusError } from '../errors';
import type { JsonValue } from '../object';
import { schemaFor } from '../schema';
import { parseGroupVersion } from './mapping';
import { decodeTyped } from './typed-decode';

/** Server-side field validation levels (metav1.FieldValidation*). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** Result of decoding a body: accepted (with `Warning:` texts for Warn) or a BadRequest. */
export type BodyDecodeResult = { ok: true; warnings: string[] } | { ok: false; error: StatusError };

/**
 * Decodes `body` (a JSON object of a served kind, as kubectl sends it) the way the apiserver does
 * and reports what it would reject. Kinds Podlab does not know are accepted untouched (the REST
 * mapping rejects those earlier).
 */
export function decodeBody(
  body: JsonValue,
  validation: FieldValidation = 'Strict',
): BodyDecodeResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: true, warnings: [] };
  }
  const kind = typeof body.kind === 'string' ? body.kind : '';
  const struct = schemaFor(kind);
  if (!struct) return { ok: true, warnings: [] };
  const gv = parseGroupVersion(typeof body.apiVersion === 'string' ? body.apiVersion : '');
  const version = 'error' in gv ? '' : gv.version;
  const result = decodeTyped(body, struct, { strict: validation !== 'Ignore' });
  const prefix = `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: `;
  if (result.error !== undefined) return { ok: false, error: badRequest(prefix + result.error) };
  if (result.strictErrors.length > 0) {
    if (validation === 'Warn') return { ok: true, warnings: result.strictErrors };
    return {
      ok: false,
      error: badRequest(prefix + 'strict decoding error: ' + result.strictErrors.join(', ')),
    };
  }
  return { ok: true, warnings: [] };
}

/**
 * How kubectl prints a non-Invalid server error for an object read from a file
 * (AddSourceToErr + StandardErrorMessage): `Error from server (BadRequest): error when creating
 * "job.yaml": <message>`. `operation` is `creating`, `patching`, `replacing` or `retrieving…`.
 */
export function serverErrorForFile(error: StatusError, operation: string, source: string): string {
  return `Error from server (${error.reason}): error when ${operation} ${JSON.stringify(source)}: ${error.message}`;
}
