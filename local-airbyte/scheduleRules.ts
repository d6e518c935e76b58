// How Airbyte 0.44.3 turns a create request's schedule into the stored one, including its
// ConnectionScheduleHelper checks and their 422 messages (as ApiHelper wraps them). What counts as a valid
// cron or time zone comes from core/airbyte, the same code the language server's rules use.
import { validateQuartzCron } from '../core/airbyte/quartzCron';
import { isEtcTimeZone, validateCronTimeZone } from '../core/airbyte/timeZones';
import type { ConnectionScheduleData, ConnectionScheduleType, WebBackendConnectionCreate } from './apiTypes';
import { badObjectSchema } from './errors';

export interface ResolvedSchedule {
  scheduleType: ConnectionScheduleType;
  scheduleData?: ConnectionScheduleData;
}

export function resolveSchedule(
  request: Pick<WebBackendConnectionCreate, 'schedule' | 'scheduleType' | 'scheduleData'>,
): ResolvedSchedule {
  if (request.scheduleType) return applyScheduleType(request.scheduleType, request.scheduleData ?? undefined);
  // No scheduleType: the legacy `schedule` decides (present → basic, absent → manual).
  if (request.schedule) {
    const { units, timeUnit } = request.schedule;
    return { scheduleType: 'basic', scheduleData: { basicSchedule: { units, timeUnit } } };
  }
  return { scheduleType: 'manual' };
}

function applyScheduleType(scheduleType: ConnectionScheduleType, data: ConnectionScheduleData | undefined): ResolvedSchedule {
  if (scheduleType === 'manual') return { scheduleType };
  if (!data) throw badObjectSchema('schedule data must be populated if schedule type is populated');
  if (scheduleType === 'basic') {
    if (!data.basicSchedule) throw badObjectSchema('if schedule type is basic, then scheduleData.basic must be populated');
    const { timeUnit, units } = data.basicSchedule;
    return { scheduleType, scheduleData: { basicSchedule: { timeUnit, units } } };
  }
  if (!data.cron) throw badObjectSchema('if schedule type is cron, then scheduleData.cron must be populated');
  const { cronExpression, cronTimeZone } = data.cron;
  checkCron(cronExpression ?? undefined, cronTimeZone ?? undefined);
  return { scheduleType, scheduleData: { cron: { cronExpression, cronTimeZone } } };
}

// Same order as Airbyte: presence, Etc zones, the zone (resolved first), then the expression.
function checkCron(expression: string | undefined, timeZone: string | undefined): void {
  if (expression === undefined || timeZone === undefined) {
    throw badObjectSchema('Cron expression and timezone are required');
  }
  if (isEtcTimeZone(timeZone)) throw badObjectSchema('Etc/ timezones are unsupported');
  if (validateCronTimeZone(timeZone) !== undefined) throw badObjectSchema('invalid cron timezone');
  if (validateQuartzCron(expression) !== undefined) throw badObjectSchema('invalid cron expression');
}
