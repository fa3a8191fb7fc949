/** printf's floating-point conversions (%f %e %g and their upper-case forms) on a double. */
import { cFixed } from './cnum';

/** Formats `x` with one conversion spec: flags, width, precision and f/F/e/E/g/G/a/A. */
export function formatDouble(
  spec: { flags: string; width?: number; precision?: number; conv: string },
  x: number,
): string {
  const { flags, conv } = spec;
  const upper = conv === conv.toUpperCase();
  const prec = spec.precision ?? 6;
  let body: string;
  const lower = conv.toLowerCase();
  if (!Number.isFinite(x)) body = Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
  else if (lower === 'f') body = cFixed(x, prec);
  else if (lower === 'e') body = expForm(x, prec);
  else if (lower === 'g') {
    const p = prec === 0 ? 1 : prec;
    const exp = x === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(x.toExponential(p - 1)))));
    if (exp < -4 || exp >= p) body = expForm(x, p - 1);
    else body = cFixed(x, Math.max(0, p - 1 - exp));
    if (!flags.includes('#') && body.includes('.')) body = body.replace(/\.?0+(?=e|$)/, '');
  } else body = x.toString(16);
  if (upper) body = body.toUpperCase();
  if (x >= 0 && flags.includes('+')) body = `+${body}`;
  else if (x >= 0 && flags.includes(' ')) body = ` ${body}`;
  const width = spec.width ?? 0;
  if (body.length >= width) return body;
  if (flags.includes('-')) return body.padEnd(width);
  if (flags.includes('0') && Number.isFinite(x)) {
    const sign = /^[+\- ]/.test(body) ? body[0] : '';
    return sign + body.slice(sign.length).padStart(width - sign.length, '0');
  }
  return body.padStart(width);
}

/** `%.<prec>e`: d.ddde±XX with at least two exponent digits. */
function expForm(x: number, prec: number): string {
  const [mant, exp] = x.toExponential(prec).split('e');
  const e = Number(exp);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Splits a printf format with exactly one floating conversion; a message on error. */
export function parseFloatFormat(format: string):
  | {
      before: string;
      spec: { flags: string; width?: number; precision?: number; conv: string };
      after: string;
    }
  | string {
  const re = /%([-+ #0']*)(\d+)?(?:\.(\d*))?([aAeEfFgG%]?)/g;
  let found: RegExpExecArray | undefined;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m[4] === '%') continue;
    if (!m[4])
      return `format '${format}' has unknown %${format[m.index + m[0].length] ?? ''} directive`;
    if (found) return `format '${format}' has too many % directives`;
    found = m;
  }
  if (!found) return `format '${format}' has no % directive`;
  const unescape = (t: string) => t.replace(/%%/g, '%');
  return {
    before: unescape(format.slice(0, found.index)),
    spec: {
      flags: found[1],
      width: found[2] ? Number(found[2]) : undefined,
      precision: found[3] !== undefined ? Number(found[3] || 0) : undefined,
      conv: found[4],
    },
    after: unescape(format.slice(found.index + found[0].length)),
  };
}
