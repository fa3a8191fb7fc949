/**
 * Go's time.Parse(time.RFC3339, s) error texts, as metav1.Time.UnmarshalJSON surfaces them
 * (`parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`).
 */
import { goQuote } from './goyaml/values';

const LAYOUT = '2006-01-02T15:04:05Z07:00';

/** Layout chunks: literal prefix then a std element, as time's nextStdChunk walks RFC3339. */
const CHUNKS: { prefix: string; std: string; kind: string; range?: string }[] = [
  { prefix: '', std: '2006', kind: 'year' },
  { prefix: '-', std: '01', kind: 'num2', range: 'month' },
  { prefix: '-', std: '02', kind: 'num2', range: 'day' },
  { prefix: 'T', std: '15', kind: 'hour', range: 'hour' },
  { prefix: ':', std: '04', kind: 'num2', range: 'minute' },
  { prefix: ':', std: '05', kind: 'second', range: 'second' },
  { prefix: '', std: 'Z07:00', kind: 'zone' },
];

const isDigit = (s: string, i: number) => i < s.length && s[i] >= '0' && s[i] <= '9';

/** Parses up to two digits (`fixed`: exactly two), like time's getnum. */
function getnum(s: string, fixed: boolean): { n: number; rest: string } | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : { n: Number(s[0]), rest: s.slice(1) };
  return { n: Number(s.slice(0, 2)), rest: s.slice(2) };
}

function cannotParse(value: string, elemValue: string, elemLayout: string): string {
  return `parsing time ${goQuote(value)} as ${goQuote(LAYOUT)}: cannot parse ${goQuote(elemValue)} as ${goQuote(elemLayout)}`;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The error time.Parse(RFC3339, value) reports, or undefined when the value parses. */
export function rfc3339Error(value: string): string | undefined {
  let rest = value;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const c of CHUNKS) {
    if (!rest.startsWith(c.prefix)) {
      // A literal separator did not match: Go reports the separator and the rest of the value.
      return cannotParse(value, rest, c.prefix);
    }
    rest = rest.slice(c.prefix.length);
    const hold = rest;
    let bad = false;
    let rangeErr: string | undefined;
    switch (c.kind) {
      case 'year':
        if (rest.length < 4 || !isDigit(rest, 0)) bad = true;
        else if (!/^\d{4}/.test(rest)) bad = true;
        else {
          year = Number(rest.slice(0, 4));
          rest = rest.slice(4);
        }
        break;
      case 'num2':
      case 'hour':
      case 'second': {
        const g = getnum(rest, c.kind !== 'hour');
        if (!g) {
          bad = true;
          break;
        }
        rest = g.rest;
        const limits: Record<string, [number, number]> = {
          month: [1, 12],
          day: [1, 31],
          hour: [0, 23],
          minute: [0, 59],
          second: [0, 59],
        };
        const [lo, hi] = limits[c.range as string];
        if (g.n < lo || g.n > hi) rangeErr = c.range;
        if (c.range === 'month') month = g.n;
        if (c.range === 'day') day = g.n;
        if (c.kind === 'second' && (rest[0] === '.' || rest[0] === ',') && isDigit(rest, 1)) {
          let k = 1;
          while (isDigit(rest, k)) k++;
          rest = rest.slice(k);
        }
        break;
      }
      case 'zone':
        if (rest.startsWith('Z')) {
          rest = rest.slice(1);
        } else if (
          rest.length >= 6 &&
          (rest[0] === '+' || rest[0] === '-') &&
          rest[3] === ':' &&
          /^\d\d$/.test(rest.slice(1, 3)) &&
          /^\d\d$/.test(rest.slice(4, 6))
        ) {
          rest = rest.slice(6);
        } else {
          bad = true;
        }
        break;
    }
    if (rangeErr) return `parsing time ${goQuote(value)}: ${rangeErr} out of range`;
    if (bad) return cannotParse(value, hold, c.std);
  }
  if (rest.length > 0) return `parsing time ${goQuote(value)}: extra text: ${goQuote(rest)}`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29 && !leap)) {
    return `parsing time ${goQuote(value)}: day out of range`;
  }
  return undefined;
}
