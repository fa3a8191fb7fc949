/**
 * How kubectl prints failures (k8s.io/kubectl/pkg/cmd/util/helpers.go#checkErr,
 * #StandardErrorMessage, #MultilineError): `Error from server (Reason): message` for API errors,
 * the multi-line "is invalid" form for Invalid errors with causes, and `error: …` otherwise.
 */
import type { StatusError } from '../api/errors';

/** kubectl's rendering of an API error (no trailing newline). */
export function formatStatusError(err: StatusError): string {
  if (err.reason === 'Invalid' && err.details) {
    const causes = err.details.causes ?? [];
    let s = 'The request is invalid';
    if (err.details.kind || err.details.name)
      s = `The ${err.details.kind ?? ''} ${JSON.stringify(err.details.name ?? '')} is invalid`;
    if (causes.length === 0) return `error: ${s}`;
    const lines = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
    if (lines.length === 1) return `${s}: ${lines[0]}`;
    return `${s}: \n${lines.map((l) => `* ${l}`).join('\n')}`;
  }
  return err.reason
    ? `Error from server (${err.reason}): ${err.message}`
    : `Error from server: ${err.message}`;
}

/** A plain error message with kubectl's `error: ` prefix added unless present. */
export function formatPlainError(message: string): string {
  return message.startsWith('error: ') ? message : `error: ${message}`;
}
