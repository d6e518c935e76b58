import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeQuartzCron, validateQuartzCron } from '../../core/airbyte/quartzCron';
import { validateCronTimeZone } from '../../core/airbyte/timeZones';

describe('validateQuartzCron', () => {
  const valid = [
    '0 0 12 * * ? 2100', // Quartz 2.3.2 has no upper bound on years
    '0 0 12 1 1 ? 1900-2300',
    '0 0 12 * * ?',
    '0 0/15 * * * ?',
    '0 */5 * * * ?',
    '0 0 12 ? * MON-FRI',
    '0 0 12 ? * mon-fri',
    '0 15 10 L * ?',
    '0 15 10 L-3 * ?',
    '0 0 12 LW * ?',
    '0 0 12 15W * ?',
    '0 0 12 ? * 6L',
    '0 0 12 ? * 2#1',
    '0 0 12 ? * L',
    '0 0 9,17 ? * MON,WED,FRI',
    '0 0 22-2 * * ?',
    '0 0 12 1 JAN-MAR ?',
    '0 0 12 * * ? 2025',
    '0 0 12 * * ? *',
    '0 10-40/10 * * * ?',
    '  0 0 12 * * ?  ',
  ];
  for (const expression of valid) {
    it(`accepts "${expression}"`, () => assert.equal(validateQuartzCron(expression), undefined));
  }

  const invalid: [string, RegExp][] = [
    ['* * * * *', /6 or 7 fields.*has 5.*Unix cron.*`0 \* \* \* \* \?`/],
    ['30 9 * * 1-5', /Prepend a seconds field: `0 30 9 \? \* 2-6`/],
    ['', /empty/],
    ['0 0 12 * *', /has 5/],
    ['0 0 12 1 * ? 2025 x', /has 8/],
    ['0 0 12 * * *', /`\?` in exactly one of day-of-month and day-of-week/],
    ['0 0 12 1 * MON', /`\?` in exactly one/],
    ['0 0 12 ? * ?', /not both/],
    ['0 0 25 * * ?', /hours must be 0-23; got `25`/],
    ['60 0 12 * * ?', /seconds must be 0-59/],
    ['0 60 12 * * ?', /minutes must be 0-59/],
    ['0 0 12 32 * ?', /day-of-month must be 1-31/],
    ['0 0 12 * 13 ?', /month must be 1-12 or JAN-DEC/],
    ['0 0 12 ? * 8', /day-of-week must be 1-7.*got `8`/],
    ['0 0 12 ? * 0', /1 = SUN/],
    ['0 0 12 * FOO ?', /`FOO` is not a name/],
    ['0 0 12 ? * MONDAY', /not a name/],
    ['0 0/70 * * * ?', /step must be between 1 and 59/],
    ['0 0/0 * * * ?', /step/],
    ['0 0 ? * * ?', /`\?` is only allowed in day-of-month or day-of-week/],
    ['0 0 12 ? * 2#6', /week number from 1 to 5/],
    ['0 0 12 1,L * ?', /`L` or `W` together with other days/],
    ['0 0 12 ? * 1,6L', /`L` or `#` together with other days/],
    ['0 0 12 * * ? 2150-2100', /start year must not be after the end year/],
    ['0 0 12 1-x * ?', /not a number|numbers only/],
    ['0 0 12 1,,2 * ?', /empty list item/],
  ];
  for (const [expression, message] of invalid) {
    it(`rejects "${expression}"`, () => assert.match(validateQuartzCron(expression) ?? 'ACCEPTED', message));
  }
});

describe('describeQuartzCron', () => {
  const readings: [string, string | undefined][] = [
    ['0 0 12 * * ?', 'At 12:00'],
    ['0 0/15 * * * ?', 'Every 15 minutes'],
    ['0 30 9 ? * MON-FRI', 'At 09:30, Monday through Friday'],
    ['0 0 9,17 ? * 2,4', 'At 09:00 and 17:00, only on Monday and Wednesday'],
    ['0 15 10 L * ?', 'At 10:15, on the last day of the month'],
    ['0 0 8 ? * 2#1', 'At 08:00, on the first Monday of the month'],
    ['0 0 12 ? * 6L', 'At 12:00, on the last Friday of the month'],
    ['0 0 12 * JAN ? 2027', 'At 12:00, only in January, only in 2027'],
    ['* * * * *', undefined],
    ['0 0 12 * * MON', undefined],
  ];
  for (const [expression, reading] of readings) {
    it(`reads "${expression}"`, () => assert.equal(describeQuartzCron(expression), reading));
  }
});

describe('validateCronTimeZone', () => {
  for (const zone of ['UTC', 'GMT', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'US/Pacific', '+05:30']) {
    it(`accepts ${zone}`, () => assert.equal(validateCronTimeZone(zone), undefined));
  }
  it('rejects Etc/ zones in any case, naming a region zone instead', () => {
    for (const zone of ['Etc/UTC', 'etc/gmt+1', 'ETC/GMT']) {
      assert.match(validateCronTimeZone(zone) ?? '', /Airbyte rejects Etc\/ time zones; use a region zone such as UTC/);
    }
  });
  it('rejects unknown zones', () => assert.match(validateCronTimeZone('Mars/Base') ?? '', /Unknown time zone "Mars\/Base"/));
  it('rejects wrong capitalisation, as Joda does', () =>
    assert.match(validateCronTimeZone('europe/berlin') ?? '', /did you mean Europe\/Berlin/));
  it('rejects an empty zone', () => assert.match(validateCronTimeZone('') ?? '', /empty/));
});
