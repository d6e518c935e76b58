// Completion the schema cannot give: every time zone Airbyte accepts for a cron schedule.
import { CompletionItemKind, type CompletionsCollector, type JSONWorkerContribution, type MarkedString } from 'vscode-json-languageservice';
import { listCronTimeZones } from '../airbyte/timeZones';

export const scheduleContribution: JSONWorkerContribution = {
  collectValueCompletions(_uri: string, location: (string | number)[], propertyKey: string, result: CompletionsCollector): PromiseLike<void> {
    if (propertyKey === 'cronTimeZone' && location[location.length - 1] === 'cron') {
      for (const zone of listCronTimeZones()) {
        result.add({ label: zone, kind: CompletionItemKind.EnumMember, insertText: JSON.stringify(zone), filterText: JSON.stringify(zone), sortText: zone === 'UTC' ? '0' : `1${zone}` });
      }
    }
    return Promise.resolve();
  },
  collectPropertyCompletions: () => Promise.resolve(),
  collectDefaultCompletions: () => Promise.resolve(),
  // No promise: the schema's own hover text shows.
  getInfoContribution: () => undefined as unknown as PromiseLike<MarkedString[]>,
};
