// One comparable form for a connection file and for the live connection Airbyte returns: the
// defaults Airbyte fills in made explicit, the schedule in its scheduleType/scheduleData form,
// only selected streams (Airbyte keeps no others), keyed by namespace and name.

type Obj = Record<string, unknown>;

/** The settings compared, in the order they are shown. */
export const SETTING_NAMES = [
  'name',
  'sourceId',
  'destinationId',
  'status',
  'scheduleType',
  'scheduleData',
  'namespaceDefinition',
  'namespaceFormat',
  'prefix',
  'geography',
  'nonBreakingChangesPreference',
  'resourceRequirements',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

export interface StreamConfig {
  syncMode: unknown;
  destinationSyncMode: unknown;
  cursorField: unknown[];
  primaryKey: unknown[];
  /** Only when it differs from the name Airbyte derives. */
  aliasName?: unknown;
  /** Only when field selection is enabled. */
  selectedFields?: unknown[];
}

export interface NormalizedStream {
  key: string;
  label: string;
  name: string;
  namespace?: string;
  config: StreamConfig;
  /** `path:type` of every schema field; undefined when this side carries no JSON schema. */
  schemaFields?: string[];
}

export interface NormalizedOperation {
  operationId?: string;
  name: string;
  operatorConfiguration: unknown;
}

export interface NormalizedConnection {
  /** Settings this side states; a file without `name` leaves the name unmanaged. */
  settings: Partial<Record<SettingName, unknown>>;
  streams: Map<string, NormalizedStream>;
  operations: NormalizedOperation[];
}

export function streamKey(name: string, namespace: string | undefined): string {
  return JSON.stringify([namespace ?? null, name]);
}

export function streamLabel(name: string, namespace: string | undefined): string {
  return namespace ? `${namespace}.${name}` : name;
}

/** The name Airbyte derives for a stream's alias (letters, digits and underscores). */
export function defaultAliasName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** A `*.connection.json` body (WebBackendConnectionCreate). */
export function normalizeFile(body: Obj): NormalizedConnection {
  const operations: NormalizedOperation[] = [
    ...strings(body.operationIds).map((operationId) => ({ operationId, name: '', operatorConfiguration: undefined })),
    ...objects(body.operations).map((o) => ({ name: String(o.name ?? ''), operatorConfiguration: o.operatorConfiguration })),
  ];
  return { settings: settingsOf(body), streams: streamsOf(body.syncCatalog), operations };
}

/** A WebBackendConnectionRead (`web_backend/connections/get`). */
export function normalizeLive(read: Obj): NormalizedConnection {
  const operations: NormalizedOperation[] = Array.isArray(read.operations)
    ? objects(read.operations).map((o) => ({ operationId: String(o.operationId), name: String(o.name ?? ''), operatorConfiguration: o.operatorConfiguration }))
    : strings(read.operationIds).map((operationId) => ({ operationId, name: '', operatorConfiguration: undefined }));
  return { settings: settingsOf(read), streams: streamsOf(read.syncCatalog), operations };
}

function settingsOf(body: Obj): NormalizedConnection['settings'] {
  const settings: NormalizedConnection['settings'] = {};
  if (typeof body.name === 'string' && body.name !== '') settings.name = body.name;
  settings.sourceId = body.sourceId;
  settings.destinationId = body.destinationId;
  settings.status = body.status;
  Object.assign(settings, scheduleOf(body));
  const namespaceDefinition = body.namespaceDefinition ?? 'source';
  settings.namespaceDefinition = namespaceDefinition;
  // Airbyte reads namespaceFormat only for customformat.
  if (namespaceDefinition === 'customformat') settings.namespaceFormat = body.namespaceFormat ?? null;
  settings.prefix = body.prefix ?? '';
  settings.geography = body.geography ?? 'auto';
  settings.nonBreakingChangesPreference = body.nonBreakingChangesPreference ?? 'ignore';
  settings.resourceRequirements = withoutEmpty(body.resourceRequirements);
  return settings;
}

// As ConnectionScheduleHelper: scheduleType wins; else the legacy schedule means basic; else manual.
function scheduleOf(body: Obj): { scheduleType: unknown; scheduleData?: unknown } {
  const data = isObj(body.scheduleData) ? body.scheduleData : undefined;
  if (body.scheduleType === 'basic') {
    const basic = isObj(data?.basicSchedule) ? data.basicSchedule : {};
    return { scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: basic.timeUnit, units: basic.units } } };
  }
  if (body.scheduleType === 'cron') {
    const cron = isObj(data?.cron) ? data.cron : {};
    return { scheduleType: 'cron', scheduleData: { cron: { cronExpression: cron.cronExpression, cronTimeZone: cron.cronTimeZone } } };
  }
  if (body.scheduleType !== undefined && body.scheduleType !== null) return { scheduleType: body.scheduleType };
  if (isObj(body.schedule)) {
    return { scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: body.schedule.timeUnit, units: body.schedule.units } } };
  }
  return { scheduleType: 'manual' };
}

function streamsOf(catalog: unknown): Map<string, NormalizedStream> {
  const streams = new Map<string, NormalizedStream>();
  for (const entry of objects(isObj(catalog) ? catalog.streams : undefined)) {
    const stream = isObj(entry.stream) ? entry.stream : {};
    const config = isObj(entry.config) ? entry.config : {};
    if (typeof stream.name !== 'string' || config.selected === false) continue;
    const namespace = typeof stream.namespace === 'string' && stream.namespace !== '' ? stream.namespace : undefined;
    const key = streamKey(stream.name, namespace);
    const normalized: StreamConfig = {
      syncMode: config.syncMode,
      destinationSyncMode: config.destinationSyncMode,
      cursorField: Array.isArray(config.cursorField) ? config.cursorField : [],
      primaryKey: Array.isArray(config.primaryKey) ? config.primaryKey : [],
    };
    if (config.aliasName !== undefined && config.aliasName !== null && config.aliasName !== defaultAliasName(stream.name)) {
      normalized.aliasName = config.aliasName;
    }
    if (config.fieldSelectionEnabled === true) {
      normalized.selectedFields = objects(config.selectedFields)
        .map((f) => f.fieldPath)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    streams.set(key, {
      key,
      label: streamLabel(stream.name, namespace),
      name: stream.name,
      namespace,
      config: normalized,
      schemaFields: isObj(stream.jsonSchema) ? schemaFields(stream.jsonSchema) : undefined,
    });
  }
  return streams;
}

/** Every field path of a JSON schema with its type, sorted. */
export function schemaFields(schema: Obj): string[] {
  const out: string[] = [];
  const walk = (node: Obj, path: string[]) => {
    if (!isObj(node.properties)) return;
    for (const [name, child] of Object.entries(node.properties)) {
      const at = [...path, name];
      out.push(`${at.join('.')}:${JSON.stringify(isObj(child) ? (child.type ?? null) : null)}`);
      if (isObj(child)) walk(child, at);
    }
  };
  walk(schema, []);
  return out.sort();
}

function withoutEmpty(value: unknown): Obj {
  if (!isObj(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObj) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
