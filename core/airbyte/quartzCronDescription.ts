// English readings of the Quartz cron shapes people actually write. Anything unusual gets no
// reading (undefined) rather than a wrong one. Input: the fields of a valid, upper-cased expression.
import { DAY_NAMES } from './quartzCronFields';

const WEEKDAY_WORDS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

export function describeQuartzFields(fields: string[]): string | undefined {
  const [seconds, minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields;
  if (month !== '*' || (year !== undefined && year !== '*') || seconds !== '0') return undefined;
  const days = describeDays(dayOfMonth, dayOfWeek);
  if (days === undefined) return undefined;
  const clock = describeClockTimes(minutes, hours);
  if (clock) return days === '' ? `every day at ${clock}` : `at ${clock} ${days}`;
  const interval = describeInterval(minutes, hours);
  if (!interval) return undefined;
  return days === '' ? interval : `${interval} ${days}`;
}

// `0 30 9 …` → "09:30"; `0 0 9,17 …` → "09:00 and 17:00".
function describeClockTimes(minutes: string, hours: string): string | undefined {
  if (!isNumber(minutes) || !/^\d+(,\d+)*$/.test(hours)) return undefined;
  const times = hours.split(',').map((h) => `${pad(h)}:${pad(minutes)}`);
  return joinWords(times);
}

function describeInterval(minutes: string, hours: string): string | undefined {
  const minuteStep = stepOf(minutes);
  if (hours === '*' && (minutes === '*' || minuteStep === 1)) return 'every minute';
  if (hours === '*' && minuteStep !== undefined) return `every ${minuteStep} minutes`;
  if (!isNumber(minutes)) return undefined;
  const past = Number(minutes) === 0 ? '' : ` at minute ${Number(minutes)}`;
  if (hours === '*') return `every hour${past}`;
  const hourStep = stepOf(hours);
  if (hourStep !== undefined) return hourStep === 1 ? `every hour${past}` : `every ${hourStep} hours${past}`;
  return undefined;
}

/** '' for every day, "on …" for a restriction, undefined when the shape is not a common one. */
function describeDays(dayOfMonth: string, dayOfWeek: string): string | undefined {
  if (dayOfMonth === '?' && dayOfWeek === '*') return '';
  if (dayOfWeek === '?') return describeMonthDays(dayOfMonth);
  return dayOfMonth === '?' ? describeWeekDays(dayOfWeek) : undefined;
}

function describeMonthDays(field: string): string | undefined {
  if (field === '*') return '';
  if (field === 'L') return 'on the last day of the month';
  if (field === 'LW') return 'on the last weekday of the month';
  const nearest = /^(\d+)W$/.exec(field);
  if (nearest) return `on the weekday nearest day ${Number(nearest[1])} of the month`;
  if (/^\d+$/.test(field)) return `on day ${Number(field)} of the month`;
  if (/^\d+(,\d+)+$/.test(field)) return `on days ${joinWords(field.split(',').map(Number).map(String))} of the month`;
  return undefined;
}

function describeWeekDays(field: string): string | undefined {
  const nth = /^(\w+)#(\d)$/.exec(field);
  if (nth) return `on the ${ORDINALS[Number(nth[2]) - 1]} ${weekdayWord(nth[1])} of the month`;
  const last = /^(\w+)L$/.exec(field);
  if (last) return `on the last ${weekdayWord(last[1])} of the month`;
  if (field === 'L') return 'on Saturday';
  const range = /^(\w+)-(\w+)$/.exec(field);
  if (range) return `on ${weekdayWord(range[1])} through ${weekdayWord(range[2])}`;
  if (/^\w+(,\w+)*$/.test(field)) return `on ${joinWords(field.split(',').map(weekdayWord))}`;
  return undefined;
}

function weekdayWord(day: string): string {
  const index = /^\d$/.test(day) ? Number(day) - 1 : DAY_NAMES.indexOf(day as (typeof DAY_NAMES)[number]);
  return WEEKDAY_WORDS[index];
}

/** `*`/n or 0/n → n (a step from the start of the range); anything else → undefined. */
function stepOf(field: string): number | undefined {
  const m = /^(?:\*|0)?\/(\d+)$/.exec(field);
  return m ? Number(m[1]) : undefined;
}

function isNumber(field: string): boolean {
  return /^\d+$/.test(field);
}

function pad(n: string): string {
  return String(Number(n)).padStart(2, '0');
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
