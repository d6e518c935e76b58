// Schedules, as Airbyte v0.44.3's connection handler reads them: the legacy `schedule` or
// `scheduleType`, never both; a non-manual type needs the matching `scheduleData`; cron expressions are
// Quartz expressions in a time zone that is not an `Etc/` zone. Its rejections are 422s.
import { quartzFromUnixCron, validateQuartzCron } from '../airbyte/quartzCron';
import { suggestCronTimeZone, validateCronTimeZone } from '../airbyte/timeZones';
import { child, isSet, keyOf, property, stringValue } from './ast';
import type { Rule, RuleProblem } from './rule';

export const scheduleRules: Rule = ({ root }) => {
  const problems: RuleProblem[] = [];
  const typeNode = child(root, 'scheduleType');
  const scheduleType = stringValue(typeNode);
  const dataNode = child(root, 'scheduleData');
  const legacy = property(root, 'schedule');

  if (!isSet(typeNode)) {
    if (isSet(dataNode)) {
      problems.push({
        node: keyOf(dataNode),
        severity: 'warning',
        code: 'schedule-data-without-type',
        unnecessary: true,
        message:
          'Airbyte ignores `scheduleData` unless `scheduleType` is set. Add `"scheduleType": "basic"` or `"cron"`; without it the connection ' +
          (legacy && isSet(legacy.valueNode) ? 'follows the legacy `schedule`.' : 'only syncs manually.'),
      });
    }
    return problems;
  }

  if (legacy && isSet(legacy.valueNode)) {
    problems.push({
      node: legacy.keyNode,
      severity: 'error',
      code: 'schedule-conflict',
      message: 'Airbyte v0.44.3 rejects the legacy `schedule` together with `scheduleType` (422: supply old or new schedule schema but not both), even for a manual type. Remove `schedule` and keep `scheduleType`/`scheduleData`.',
      data: { removeProperty: 'schedule' },
    });
  }

  if (scheduleType === 'manual') {
    if (isSet(dataNode)) {
      problems.push({
        node: keyOf(dataNode),
        severity: 'warning',
        code: 'schedule-data-ignored',
        unnecessary: true,
        message: 'A manual connection has no schedule: Airbyte drops `scheduleData`. Remove it, or set `scheduleType` to `basic` or `cron`.',
      });
    }
    return problems;
  }
  if (scheduleType !== 'basic' && scheduleType !== 'cron') return problems; // the schema reports the enum

  if (!isSet(dataNode)) {
    problems.push({
      node: keyOf(typeNode),
      severity: 'error',
      code: 'schedule-data-missing',
      message:
        `Airbyte rejects a \`${scheduleType}\` schedule without \`scheduleData\` (422: schedule data must be populated if schedule type is populated). Add ` +
        (scheduleType === 'basic'
          ? '`"scheduleData": { "basicSchedule": { "timeUnit": "hours", "units": 24 } }`.'
          : '`"scheduleData": { "cron": { "cronExpression": "0 0 12 * * ?", "cronTimeZone": "UTC" } }`.'),
    });
    return problems;
  }

  const basic = child(dataNode, 'basicSchedule');
  const cron = child(dataNode, 'cron');
  if (scheduleType === 'basic') {
    if (!isSet(basic)) {
      problems.push({
        node: keyOf(dataNode),
        severity: 'error',
        code: 'basic-schedule-missing',
        message: 'Airbyte rejects `scheduleType: "basic"` without `scheduleData.basicSchedule` (422). Add `"basicSchedule": { "timeUnit": "hours", "units": 24 }`.',
      });
    }
    if (isSet(cron)) {
      problems.push({
        node: keyOf(cron),
        severity: 'warning',
        code: 'cron-ignored',
        unnecessary: true,
        message: 'Airbyte ignores `scheduleData.cron` when `scheduleType` is `basic`. Remove it, or set `scheduleType` to `cron`.',
      });
    }
    return problems;
  }

  // scheduleType === 'cron'
  if (isSet(basic)) {
    problems.push({
      node: keyOf(basic),
      severity: 'warning',
      code: 'basic-schedule-ignored',
      unnecessary: true,
      message: 'Airbyte ignores `scheduleData.basicSchedule` when `scheduleType` is `cron`. Remove it, or set `scheduleType` to `basic`.',
    });
  }
  if (!isSet(cron)) {
    problems.push({
      node: keyOf(dataNode),
      severity: 'error',
      code: 'cron-missing',
      message: 'Airbyte rejects `scheduleType: "cron"` without `scheduleData.cron` (422). Add `"cron": { "cronExpression": "0 0 12 * * ?", "cronTimeZone": "UTC" }`.',
    });
    return problems;
  }
  const expressionNode = child(cron, 'cronExpression');
  const zoneNode = child(cron, 'cronTimeZone');
  const expression = stringValue(expressionNode);
  const zone = stringValue(zoneNode);
  if (expression !== undefined) {
    const problem = validateQuartzCron(expression);
    if (problem) {
      const quartz = quartzFromUnixCron(expression);
      problems.push({ node: expressionNode!, severity: 'error', code: 'invalid-cron', message: `Airbyte rejects this cron expression (422). ${problem}`, data: quartz ? { replaceValueWith: quartz } : undefined });
    }
  }
  if (zone !== undefined) {
    const problem = validateCronTimeZone(zone);
    if (problem) {
      const suggestion = suggestCronTimeZone(zone);
      problems.push({ node: zoneNode!, severity: 'error', code: 'invalid-cron-time-zone', message: `Airbyte rejects this time zone (422). ${problem}`, data: suggestion ? { replaceValueWith: suggestion } : undefined });
    }
  }
  return problems;
};
