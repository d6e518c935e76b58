// Ties what the server reports (a property path, an id, a bare message) back to a place in
// the body that was submitted, so an editor can mark it.
import { parsePropertyPath, type JsonPath } from '../json/locate';

/** How many leading segments of `path` exist in `value`. */
function existingDepth(value: unknown, path: JsonPath): number {
  let current: unknown = value;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (current === null || typeof current !== 'object') return i;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return i;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return path.length;
}

/**
 * Maps a `propertyPath` as Airbyte reports it (bean validation prefixes the method and
 * argument, `webBackendCreateConnection.arg0.status`) to a path in the submitted body, by
 * dropping leading segments: the suffix reaching deepest into the body wins. When no suffix
 * starts with an existing property (a required property is missing), the `argN` or
 * method/argument prefix is dropped.
 */
export function mapPropertyPath(propertyPath: string, body: unknown): JsonPath {
  const segments = parsePropertyPath(propertyPath);
  let best: JsonPath | undefined;
  let bestDepth = 0;
  for (let drop = 0; drop < segments.length; drop++) {
    const candidate = segments.slice(drop);
    const depth = existingDepth(body, candidate);
    if (depth > bestDepth) {
      best = candidate;
      bestDepth = depth;
    }
  }
  if (best) return best;
  const argIndex = segments.findIndex((s) => typeof s === 'string' && /^arg\d+$/.test(s));
  if (argIndex >= 0) return segments.slice(argIndex + 1);
  return segments.length > 2 ? segments.slice(2) : segments;
}

/** Where `id` sits in a connection body: `sourceId`, `destinationId` or `operationIds[i]`. */
export function findIdField(body: unknown, id: string): JsonPath | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const same = (value: unknown) => typeof value === 'string' && value.toLowerCase() === id.toLowerCase();
  if (same(record.sourceId)) return ['sourceId'];
  if (same(record.destinationId)) return ['destinationId'];
  if (Array.isArray(record.operationIds)) {
    const index = record.operationIds.findIndex(same);
    if (index >= 0) return ['operationIds', index];
  }
  return undefined;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The first id mentioned in `message` that the body uses (when a 404 names no `id`). */
export function findIdInMessage(message: string, body: unknown): { id: string; field: JsonPath } | undefined {
  for (const id of message.match(UUID) ?? []) {
    const field = findIdField(body, id);
    if (field) return { id, field };
  }
  return undefined;
}

// A 422 with only a message (KnownExceptionInfo) is most often about the schedule.
const MESSAGE_SUBJECTS: [RegExp, JsonPath][] = [
  [/time\s*zone/i, ['scheduleData', 'cron', 'cronTimeZone']],
  [/cron\s*expression/i, ['scheduleData', 'cron', 'cronExpression']],
  [/scheduleData\.basic|basic\s*schedule|time\s*unit/i, ['scheduleData', 'basicSchedule']],
  [/cron/i, ['scheduleData', 'cron']],
  [/schedule\s*data/i, ['scheduleData']],
  [/schedule\s*type/i, ['scheduleType']],
  [/schedule/i, ['scheduleData']],
  [/schedule/i, ['schedule']],
  [/schedule/i, ['scheduleType']],
];

/**
 * The part of the body a bare message is about: a schedule field for schedule messages,
 * else a top-level property the message names, else the whole body (`[]`).
 */
export function guessPathFromMessage(message: string, body: unknown): JsonPath {
  for (const [pattern, path] of MESSAGE_SUBJECTS) {
    if (pattern.test(message) && existingDepth(body, path) > 0) return path;
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const named = Object.keys(body)
      .filter((key) => /^\w+$/.test(key) && new RegExp(`\\b${key}\\b`).test(message))
      .sort((a, b) => b.length - a.length)[0];
    if (named) return [named];
  }
  return [];
}

/**
 * Where a Micronaut/Jackson conversion error belongs in the submitted body: the path of its
 * `(through reference chain: …["syncCatalog"]->java.util.ArrayList[0]->…)` when it has one,
 * else the one place holding the value it names (`from String "x"`, `Unexpected value 'x'`).
 * Undefined when that is ambiguous.
 */
export function pathFromConversionMessage(message: string, body: unknown): JsonPath | undefined {
  const chain = /through reference chain: ([^)]*)\)/.exec(message)?.[1];
  if (chain) {
    const path: JsonPath = [];
    for (const link of chain.split('->')) {
      const key = /\["((?:[^"\\]|\\.)*)"\]$/.exec(link);
      const index = /\[(\d+)\]$/.exec(link);
      if (key) path.push(key[1]);
      else if (index) path.push(Number(index[1]));
    }
    if (path.length > 0) return path;
  }
  const value = /from String "((?:[^"\\]|\\.)*)"/.exec(message)?.[1] ?? /Unexpected value '([^']*)'/.exec(message)?.[1];
  if (value === undefined) return undefined;
  const found: JsonPath[] = [];
  collectStringPaths(body, value, [], found);
  return found.length === 1 ? found[0] : undefined;
}

function collectStringPaths(node: unknown, value: string, at: JsonPath, found: JsonPath[]): void {
  if (found.length > 1) return;
  if (node === value) {
    found.push(at);
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => collectStringPaths(item, value, [...at, i], found));
  } else if (node && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) collectStringPaths(child, value, [...at, key], found);
  }
}
