// The seven fields of a Quartz cron expression and the checks Quartz's `CronExpression`
// applies to each one. Airbyte 0.44.3 parses `scheduleData.cron.cronExpression` with Quartz,
// so anything rejected here is rejected by the server too.

export interface QuartzField {
  /** As written in messages: `day-of-week`. */
  label: string;
  min: number;
  max: number;
  /** Three-letter names Quartz accepts instead of numbers, in value order from `min`. */
  names?: readonly string[];
  /** Largest `/step` Quartz accepts. */
  maxStep: number;
  /** `?` ("no specific value") is only meaningful for the two day fields. */
  allowsNoSpec?: boolean;
}

export const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
/** Quartz counts days of the week from 1 = SUN. */
export const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

export const QUARTZ_FIELDS: readonly QuartzField[] = [
  { label: 'seconds', min: 0, max: 59, maxStep: 59 },
  { label: 'minutes', min: 0, max: 59, maxStep: 59 },
  { label: 'hours', min: 0, max: 23, maxStep: 23 },
  { label: 'day-of-month', min: 1, max: 31, maxStep: 31, allowsNoSpec: true },
  { label: 'month', min: 1, max: 12, maxStep: 12, names: MONTH_NAMES },
  { label: 'day-of-week', min: 1, max: 7, maxStep: 7, names: DAY_NAMES, allowsNoSpec: true },
  // Quartz 2.3.2 parses any year (no bounds, no step limit); it only refuses a backwards range.
  { label: 'year', min: 0, max: 2147483647, maxStep: 2147483647 },
];

export const DAY_OF_MONTH = 3;
export const DAY_OF_WEEK = 5;

/** Checks one field (already known to be one of QUARTZ_FIELDS); undefined when Quartz accepts it. */
export function checkQuartzField(field: QuartzField, raw: string): string | undefined {
  // Quartz upper-cases the whole expression before parsing, so `mon-fri` and `l` are fine.
  const text = raw.toUpperCase();
  const items = text.split(',');
  if (items.some((item) => item === '')) return `${field.label} \`${raw}\` has an empty list item`;
  for (const item of items) {
    const problem = checkListItem(field, item, items.length > 1);
    if (problem) return problem;
  }
  return undefined;
}

function checkListItem(field: QuartzField, item: string, inList: boolean): string | undefined {
  if (item === '?') {
    if (!field.allowsNoSpec) return `\`?\` is only allowed in day-of-month or day-of-week, not in ${field.label}`;
    return inList ? `\`?\` must stand alone in ${field.label}` : undefined;
  }
  if (field.label === 'day-of-month' && /[LW]/.test(item)) return checkDayOfMonthSpecial(item, inList);
  if (field.label === 'day-of-week' && /^(?:\w+L|L|\w+#\w*)$/.test(item)) return checkDayOfWeekSpecial(item, inList);
  return checkRangeWithStep(field, item);
}

// `L` (last day), `L-3` (3 days before it), `LW` (last weekday), `15W` (weekday nearest the 15th).
function checkDayOfMonthSpecial(item: string, inList: boolean): string | undefined {
  if (inList) return `day-of-month \`${item}\`: Quartz does not support \`L\` or \`W\` together with other days`;
  if (item === 'L' || item === 'LW') return undefined;
  const offset = /^L-(\d+)$/.exec(item);
  if (offset) {
    return Number(offset[1]) <= 30 ? undefined : `day-of-month \`${item}\`: the offset from the last day must be 30 or less`;
  }
  const nearest = /^(\d+)W$/.exec(item);
  if (nearest) {
    const day = Number(nearest[1]);
    return day >= 1 && day <= 31 ? undefined : `day-of-month \`${item}\`: \`W\` needs a day between 1 and 31`;
  }
  return `day-of-month \`${item}\` is not valid; \`L\` and \`W\` are used as \`L\`, \`L-3\`, \`LW\` or \`15W\``;
}

// `L` (Saturday, the last day), `6L` (last Friday of the month), `2#1` (first Monday).
function checkDayOfWeekSpecial(item: string, inList: boolean): string | undefined {
  if (inList) return `day-of-week \`${item}\`: Quartz does not support \`L\` or \`#\` together with other days`;
  if (item === 'L') return undefined;
  const last = /^(\w+)L$/.exec(item);
  if (last) return checkSingleValue(QUARTZ_FIELDS[DAY_OF_WEEK], last[1]);
  const nth = /^(\w+)#(\w*)$/.exec(item);
  if (nth) {
    const dayProblem = checkSingleValue(QUARTZ_FIELDS[DAY_OF_WEEK], nth[1]);
    if (dayProblem) return dayProblem;
    const week = Number(nth[2]);
    if (!/^\d+$/.test(nth[2]) || week < 1 || week > 5) {
      return `day-of-week \`${item}\`: \`#\` must be followed by a week number from 1 to 5`;
    }
    return undefined;
  }
  return `day-of-week \`${item}\` is not valid`;
}

// `*`, `5`, `MON-FRI`, `0/15`, `*/5`, `10-40/10`; Quartz also reads a bare `/5` as `*/5`.
function checkRangeWithStep(field: QuartzField, item: string): string | undefined {
  const parts = item.split('/');
  if (parts.length > 2) return `${field.label} \`${item}\` has more than one \`/\``;
  const [base, step] = parts;
  if (step !== undefined) {
    if (!/^\d+$/.test(step)) return `${field.label} \`${item}\`: \`/\` must be followed by a whole number`;
    const size = Number(step);
    if (size < 1 || size > field.maxStep) return `${field.label} \`${item}\`: the step must be between 1 and ${field.maxStep}`;
    if (base === '') return undefined;
  }
  if (base === '*') return undefined;
  const range = base.split('-');
  if (range.length > 2 || range.some((end) => end === '')) return `${field.label} \`${item}\` is not a valid value or range`;
  // Quartz accepts "wrapping" ranges such as `22-2` (hours) or `FRI-MON`, so no order check...
  for (const end of range) {
    const problem = checkSingleValue(field, end);
    if (problem) return problem;
  }
  // ...except for years, which cannot wrap.
  if (field.label === 'year' && range.length === 2 && Number(range[0]) > Number(range[1])) return `year \`${item}\`: the start year must not be after the end year`;
  return undefined;
}

function checkSingleValue(field: QuartzField, value: string): string | undefined {
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (n >= field.min && n <= field.max) return undefined;
    return outOfRange(field, value);
  }
  if (field.names?.includes(value)) return undefined;
  if (/^[A-Z]+$/.test(value) && field.names) return `${field.label} \`${value}\` is not a name Quartz knows; use ${namesHint(field)}`;
  if (/^[A-Z]+$/.test(value)) return `${field.label} takes numbers only (${field.min}-${field.max}); got \`${value}\``;
  return `${field.label} \`${value}\` is not a number`;
}

function outOfRange(field: QuartzField, value: string): string {
  const names = field.names ? ` or ${namesHint(field)}` : '';
  const sundayHint =
    field.label === 'day-of-week' && value === '0'
      ? ' (Quartz counts 1 = SUN … 7 = SAT, unlike Unix cron where 0 is Sunday)'
      : field.label === 'day-of-week'
        ? ' (1 = SUN)'
        : '';
  return `${field.label} must be ${field.min}-${field.max}${names}; got \`${value}\`${sundayHint}`;
}

function namesHint(field: QuartzField): string {
  const names = field.names ?? [];
  return `${names[0]}-${names[names.length - 1]}`;
}
