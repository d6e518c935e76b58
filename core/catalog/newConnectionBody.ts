// The body of a new *.connection.json file: every discovered stream, the picked ones selected,
// and the defaults of the v0.44.3 web app's create form (formConfig.tsx `useInitialValues`).
import { initialStreamConfig } from './initialConfig';
import { streamKey, type DestinationSyncMode, type DiscoveredCatalog } from './types';

export interface NewConnectionInput {
  source: { sourceId: string; name: string };
  destination: { destinationId: string; name: string };
  catalog: DiscoveredCatalog;
  catalogId?: string;
  supportedDestinationSyncModes: readonly DestinationSyncMode[];
  /** `streamKey`s of the streams to select; the others are written unselected. */
  pickedStreams: ReadonlySet<string>;
}

export function newConnectionBody(input: NewConnectionInput): Record<string, unknown> {
  const streams = input.catalog.streams.map((discovered) => ({
    stream: discovered.stream,
    config: initialStreamConfig(discovered, input.supportedDestinationSyncModes, input.pickedStreams.has(streamKey(discovered.stream))),
  }));
  return {
    name: `${input.source.name} <> ${input.destination.name}`,
    sourceId: input.source.sourceId,
    destinationId: input.destination.destinationId,
    status: 'active',
    scheduleType: 'basic',
    scheduleData: { basicSchedule: { units: 24, timeUnit: 'hours' } },
    // The form also sends `namespaceFormat: "${SOURCE_NAMESPACE}"`, which Airbyte ignores with
    // this definition; it is left out so the file carries nothing that does nothing.
    namespaceDefinition: 'destination',
    prefix: '',
    nonBreakingChangesPreference: 'ignore',
    geography: 'auto',
    syncCatalog: { streams },
    ...(input.catalogId ? { sourceCatalogId: input.catalogId } : {}),
  };
}
