// Which `scheduleData.cron.cronTimeZone` values Airbyte 0.44.3 accepts: it refuses ids starting
// with `Etc` and otherwise resolves the id with Joda-Time's `DateTimeZone.forID`, which knows the
// IANA ids (case-sensitive), `UTC`, and fixed offsets such as `+05:30`.

const ETC_MESSAGE = 'Airbyte rejects Etc/ time zones; use a region zone such as UTC or Europe/Berlin';

let knownZones: Set<string> | undefined;

/** A short message saying what is wrong with `timeZone`, or undefined when Airbyte accepts it. */
export function validateCronTimeZone(timeZone: string): string | undefined {
  if (timeZone.trim() === '') return 'Cron time zone is empty; use an IANA id such as UTC or Europe/Berlin';
  if (isEtcTimeZone(timeZone)) return ETC_MESSAGE;
  if (isKnownTimeZone(timeZone)) return undefined;
  const differentCase = findIgnoringCase(timeZone);
  if (differentCase) return `Time zone ids are case-sensitive; did you mean ${differentCase}?`;
  return `Unknown time zone "${timeZone}"; use an IANA id such as UTC or Europe/Berlin`;
}

/** Airbyte refuses any id starting with `etc`, in any case (`Etc/UTC`, `etc/gmt+1`). */
export function isEtcTimeZone(timeZone: string): boolean {
  return timeZone.toLowerCase().startsWith('etc');
}

function isKnownTimeZone(timeZone: string): boolean {
  if (zoneSet().has(timeZone) || isFixedOffset(timeZone)) return true;
  // Older aliases (US/Pacific, Asia/Calcutta) are not listed by Intl but both ICU and Joda know
  // them. Intl ignores case and Joda does not, so also require IANA's capitalised segments.
  return /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/.test(timeZone) && intlAccepts(timeZone);
}

/** The ids Airbyte accepts for a cron schedule, for completion (no `Etc/` zones). */
export function listCronTimeZones(): string[] {
  return [...zoneSet()].filter((zone) => !isEtcTimeZone(zone)).sort();
}

/** The correctly capitalised id for a mis-cased one (`europe/berlin` -> `Europe/Berlin`). */
export function suggestCronTimeZone(timeZone: string): string | undefined {
  return isEtcTimeZone(timeZone) ? 'UTC' : findIgnoringCase(timeZone);
}

function zoneSet(): Set<string> {
  knownZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'GMT']);
  return knownZones;
}

function intlAccepts(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Joda reads ids starting with + or - as offsets: `+05`, `+05:30`, `-0800`.
function isFixedOffset(timeZone: string): boolean {
  return /^[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?$/.test(timeZone);
}

function findIgnoringCase(timeZone: string): string | undefined {
  const lower = timeZone.toLowerCase();
  for (const zone of zoneSet()) if (zone.toLowerCase() === lower) return zone;
  return undefined;
}
