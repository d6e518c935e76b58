// Quartz cron checks, as Airbyte 0.44.3 applies them to `scheduleData.cron.cronExpression`
// (it builds an `org.quartz.CronExpression`). Shared by the language server's rules and the
// local Airbyte server, so both agree on what the real server accepts.
import { checkQuartzField, DAY_OF_MONTH, DAY_OF_WEEK, QUARTZ_FIELDS } from './quartzCronFields';
import cronstrue from 'cronstrue';

const FIELD_ORDER = 'seconds minutes hours day-of-month month day-of-week [year]';
const EXAMPLE = '0 0 12 * * ?';

/** A short message saying what is wrong with `expression`, or undefined when Quartz accepts it. */
export function validateQuartzCron(expression: string): string | undefined {
  const fields = splitFields(expression);
  if (fields.length === 0) return `Cron expression is empty; Quartz needs 6 or 7 fields (${FIELD_ORDER}), e.g. \`${EXAMPLE}\``;
  if (fields.length === 5) {
    return (
      `Quartz cron needs 6 or 7 fields (${FIELD_ORDER}); this has 5 — a Unix cron? ` +
      `Prepend a seconds field: \`${suggestFromUnixCron(fields)}\``
    );
  }
  if (fields.length < 6 || fields.length > 7) {
    return `Quartz cron needs 6 or 7 fields (${FIELD_ORDER}); this has ${fields.length}, e.g. \`${EXAMPLE}\``;
  }
  for (let i = 0; i < fields.length; i++) {
    const problem = checkQuartzField(QUARTZ_FIELDS[i], fields[i]);
    if (problem) return problem;
  }
  return checkDayFieldsPairing(fields[DAY_OF_MONTH], fields[DAY_OF_WEEK]);
}

/** An English reading ("At 09:30, Monday through Friday"), by cronstrue; undefined when Quartz refuses the expression. */
export function describeQuartzCron(expression: string): string | undefined {
  if (validateQuartzCron(expression) !== undefined) return undefined;
  // Quartz numbers weekdays 1 (Sunday) to 7.
  const reading = cronstrue.toString(expression.trim(), { use24HourTimeFormat: true, dayOfWeekStartIndexZero: false, throwExceptionOnParseError: false });
  return reading.startsWith('An error') ? undefined : reading;
}

/** The Quartz form of a 5-field Unix cron (seconds prepended, weekdays shifted); undefined for anything else. */
export function quartzFromUnixCron(expression: string): string | undefined {
  const fields = splitFields(expression);
  return fields.length === 5 ? suggestFromUnixCron(fields) : undefined;
}

function splitFields(expression: string): string[] {
  const trimmed = expression.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

// Quartz cannot combine a day-of-month with a day-of-week, so exactly one of them is `?`.
function checkDayFieldsPairing(dayOfMonth: string, dayOfWeek: string): string | undefined {
  const monthDayOpen = dayOfMonth === '?';
  const weekDayOpen = dayOfWeek === '?';
  if (monthDayOpen && weekDayOpen) {
    return '`?` can be in day-of-month or day-of-week, not both; give the other one a value such as `*`';
  }
  if (!monthDayOpen && !weekDayOpen) {
    return (
      'Quartz needs `?` in exactly one of day-of-month and day-of-week (the one you do not restrict), ' +
      `e.g. \`${EXAMPLE}\` or \`0 0 12 ? * MON-FRI\``
    );
  }
  return undefined;
}

/** The Quartz equivalent of a 5-field Unix cron, as far as a mechanical rewrite goes. */
function suggestFromUnixCron([minutes, hours, dayOfMonth, month, dayOfWeek]: string[]): string {
  let days: [string, string];
  if (dayOfWeek === '*') days = [dayOfMonth, '?'];
  else if (dayOfMonth === '*') days = ['?', shiftUnixWeekdays(dayOfWeek)];
  else days = [dayOfMonth, '?']; // Unix ORs both day fields; Quartz cannot, so keep the month days.
  const suggestion = ['0', minutes, hours, days[0], month, days[1]].join(' ');
  return validateQuartzCron(suggestion) === undefined ? suggestion : EXAMPLE;
}

// Unix counts 0 (or 7) = Sunday; Quartz counts 1 = Sunday. Steps after `/` are not days.
function shiftUnixWeekdays(field: string): string {
  return field.replace(/(^|[,-])(\d+)/g, (_m, lead: string, day: string) => `${lead}${(Number(day) % 7) + 1}`);
}
