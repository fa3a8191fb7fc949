/**
 * Plain-language narration of a CronJob schedule for the UI ("Every 5 minutes", "5분마다",
 * "每隔 5 分钟"), via the cronstrue package. cronstrue reads cron syntax its own way, so the
 * schedule is first parsed with the robfig rules and only forms both read identically reach it:
 * each field goes over as written when it is plain (`*`, `n`, `a-b`, with `/step`, names),
 * otherwise as the list of values robfig allows (`*-5`, `?`, `+5`, `1,,2` are robfig quirks).
 * Descriptors become their five-field meaning; `@every` is narrated from the duration.
 */
import cronstrueImport from 'cronstrue';
import 'cronstrue/locales/ko.js';
import 'cronstrue/locales/zh_CN.js';
import { goFields, goTrimSpace } from './go-text';
import { parseStandard } from './parse-schedule';
import { type CronField, fieldValues } from './schedule';

type Cronstrue = typeof cronstrueImport;
// Bundlers hand over the ExpressionDescriptor class (the CommonJS `default`); Node's own ESM
// loader hands over the whole exports object. The locale files register on the class.
const cronstrue: Cronstrue =
  'locales' in cronstrueImport
    ? cronstrueImport
    : (cronstrueImport as unknown as { default: Cronstrue }).default;

/** The UI languages narration is available in. */
export type ScheduleLocale = 'en' | 'ko' | 'zh_CN';

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

// Forms cronstrue and robfig agree on: a star or a value/name (range), optionally with a step.
const PLAIN_PART = /^(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/[0-9]+)?$/;

/** A field as robfig sees it, written for cronstrue: star, or runs of values. */
function canonicalField(field: CronField): string {
  if (field.star) return '*';
  const values = fieldValues(field);
  const parts: string[] = [];
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j] + 1) j++;
    parts.push(j - i >= 2 ? `${values[i]}-${values[j]}` : values.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return parts.join(',');
}

/** "Every N seconds/minutes/hours" in the locale's own words, for `@every`. */
function describeDelay(delayMs: number, locale: ScheduleLocale): string {
  const words = cronstrue.locales[locale];
  const seconds = delayMs / 1000;
  let text: string;
  if (seconds % 3600 === 0) {
    const n = String(seconds / 3600);
    text = n === '1' ? words.everyHour() : words.everyX0Hours(n).replace('%s', n);
  } else if (seconds % 60 === 0) {
    const n = String(seconds / 60);
    text = n === '1' ? words.everyMinute() : words.everyX0Minutes(n).replace('%s', n);
  } else {
    const n = String(seconds);
    text = n === '1' ? words.everySecond() : words.everyX0Seconds(n).replace('%s', n);
  }
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * Narrates a schedule in `locale`, e.g. `*\/5 * * * *` → "Every 5 minutes". A leading
 * `TZ=`/`CRON_TZ=` is ignored (the zone is the caller's to show). Undefined when the schedule
 * does not parse or can never run.
 */
export function describeSchedule(
  schedule: string,
  locale: ScheduleLocale = 'en',
): string | undefined {
  const parsed = parseStandard(schedule);
  if (!parsed.ok) return undefined;
  if (parsed.schedule.kind === 'every') return describeDelay(parsed.schedule.delay, locale);
  const s = parsed.schedule;
  let text = goTrimSpace(schedule);
  if (text.startsWith('TZ=') || text.startsWith('CRON_TZ=')) {
    text = goTrimSpace(text.slice(text.indexOf(' ')));
  }
  const written = DESCRIPTORS[text] ?? text;
  const fields = [s.minute, s.hour, s.dayOfMonth, s.month, s.dayOfWeek];
  const texts = goFields(written).map((raw, i) =>
    // A robfig star (`*`, `?`, `*/1`) must read as `*`; other plain text passes as written.
    fields[i].star
      ? '*'
      : raw.split(',').every((part) => PLAIN_PART.test(part))
        ? raw
        : canonicalField(fields[i]),
  );
  const canonical = fields.map(canonicalField);
  if (s.minute.empty || s.hour.empty || s.month.empty) return undefined;
  // An empty day field (robfig accepts `,`): when neither day field is a star, the other one
  // alone decides, which cronstrue reads from `*`; otherwise no day ever matches.
  const dayStar = s.dayOfMonth.star || s.dayOfWeek.star;
  for (const i of [2, 4]) {
    if (!fields[i].empty) continue;
    const other = fields[i === 2 ? 4 : 2];
    if (dayStar || other.empty) return undefined;
    texts[i] = '*';
    canonical[i] = '*';
  }
  for (const expression of [texts.join(' '), canonical.join(' ')]) {
    try {
      return cronstrue.toString(expression, { locale, use24HourTimeFormat: true });
    } catch (_error) {
      // cronstrue rejects a few forms robfig accepts (e.g. a name range it cannot order): try
      // again with the plain value lists.
    }
  }
  return undefined;
}
