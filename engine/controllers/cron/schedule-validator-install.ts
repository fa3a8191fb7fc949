/**
 * Plugs the robfig schedule parser and Go's time-zone lookup into the API registry's CronJob
 * validation (the registry asks only for these two checks; it applies the other rules itself).
 */
import { setScheduleValidator } from '../../api/registry';
import { fieldErrors, quoteValue, type FieldError } from '../../api/field-error';
import { parseStandard } from './parse-schedule';
import { loadLocation } from './time-zone';

/** Installs the validator; safe to call more than once. */
export function installScheduleValidator(): void {
  setScheduleValidator((schedule, timeZone, fldPath) => {
    const errs: FieldError[] = [];
    if (schedule !== '') {
      const parsed = parseStandard(schedule);
      if (!parsed.ok) errs.push(fieldErrors.invalid(fldPath, quoteValue(schedule), parsed.error));
    }
    if (timeZone !== undefined && timeZone !== '' && timeZone !== 'Local') {
      const loc = loadLocation(timeZone);
      if (!loc.ok)
        errs.push(
          fieldErrors.invalid(
            fldPath.replace(/schedule$/, 'timeZone'),
            quoteValue(timeZone),
            loc.error,
          ),
        );
    }
    return errs;
  });
}
