// Discover Streams: merges a new discovery into the text of a connection file.
// - a stream still discovered (same namespace and name) keeps its whole `config`; its `stream`
//   part becomes the new discovery;
// - a newly discovered stream is appended, unselected, with the web app's initial config;
// - a stream no longer discovered, and cursor / primary key / selected-field paths the new
//   schema lacks, are reported and left in place for the user to decide (they get diagnostics).
// The result is the whole new text, so a caller applies it as one edit or not at all.
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions, type Node, type ParseError } from 'jsonc-parser';
import { isPlainObject } from '../json/plainObject';
import { fieldAt, formatPath } from './fieldPaths';
import { initialStreamConfig } from './initialConfig';
import { streamKey, streamLabel, type DestinationSyncMode, type DiscoveredCatalog, type StreamConfig } from './types';

export interface MissingPath {
  stream: string;
  /** `cursorField`, `primaryKey`, `selectedFields`. */
  field: 'cursorField' | 'primaryKey' | 'selectedFields';
  path: string;
}

export interface MergeSummary {
  added: string[];
  changed: string[];
  /** In the file but no longer discovered; left in place. */
  removed: string[];
  unchanged: number;
  missingPaths: MissingPath[];
}

export type MergeResult = { ok: true; text: string; summary: MergeSummary } | { ok: false; message: string };

export interface MergeInput {
  text: string;
  catalog: DiscoveredCatalog;
  catalogId?: string;
  supportedDestinationSyncModes: readonly DestinationSyncMode[];
}

export function mergeDiscoveredCatalog(input: MergeInput): MergeResult {
  const errors: ParseError[] = [];
  const root = parseTree(input.text, errors, { allowTrailingComma: false, disallowComments: false });
  if (!root || errors.length > 0 || root.type !== 'object') {
    return { ok: false, message: 'The file is not a valid JSON object; fix its syntax errors first.' };
  }
  const streamsNode = findNodeAtLocation(root, ['syncCatalog', 'streams']);
  if (streamsNode && streamsNode.type !== 'array') {
    return { ok: false, message: '`syncCatalog.streams` is not an array; fix it first.' };
  }
  const formatting = formattingOf(input.text);
  const entries = (streamsNode?.children ?? []).map((node) => toValue(node));
  const discovered = new Map(input.catalog.streams.map((s) => [streamKey(s.stream), s]));
  const summary: MergeSummary = { added: [], changed: [], removed: [], unchanged: 0, missingPaths: [] };

  // Edits against the original text, applied at once: each changed `stream` value, the new
  // streams after the last entry, the catalog id. Re-parsing per stream would be quadratic.
  const edits: Edit[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (!isPlainObject(entry) || !isPlainObject(entry.stream)) return;
    const oldStream = entry.stream;
    const key = streamKey(oldStream);
    const label = streamLabel(oldStream);
    const next = discovered.get(key);
    if (!next) {
      if (!seen.has(key)) summary.removed.push(label);
      seen.add(key);
      return;
    }
    const firstTime = !seen.has(key);
    seen.add(key);
    if (deepEqual(oldStream, next.stream)) {
      if (firstTime) summary.unchanged++;
    } else {
      if (firstTime) summary.changed.push(label);
      const node = findNodeAtLocation(streamsNode!.children![index], ['stream'])!;
      edits.push({ offset: node.offset, length: node.length, text: jsonAt(input.text, node.offset, next.stream, formatting) });
    }
    if (firstTime) summary.missingPaths.push(...missingPaths(label, isPlainObject(entry.config) ? (entry.config as StreamConfig) : {}, next.stream.jsonSchema));
  });

  const additions = input.catalog.streams
    .filter((s) => !seen.has(streamKey(s.stream)))
    .map((s) => {
      summary.added.push(streamLabel(s.stream));
      return { stream: s.stream, config: initialStreamConfig(s, input.supportedDestinationSyncModes, false) };
    });
  const catalogIdNode = findNodeAtLocation(root, ['sourceCatalogId']);
  if (input.catalogId && catalogIdNode && catalogIdNode.value !== input.catalogId) {
    edits.push({ offset: catalogIdNode.offset, length: catalogIdNode.length, text: JSON.stringify(input.catalogId) });
  }

  let text = input.text;
  if (additions.length && streamsNode) {
    edits.push(appendToArray(input.text, streamsNode, additions, formatting));
  }
  text = applyAll(text, edits);
  if (additions.length && !streamsNode) {
    // No catalog yet: one structural change, small enough for jsonc-parser to place and format.
    text = applyEdits(text, modify(text, ['syncCatalog', 'streams'], additions, { formattingOptions: formatting }));
  }
  return { ok: true, text, summary };
}

interface Edit {
  offset: number;
  length: number;
  text: string;
}

/** Applies non-overlapping edits in one pass (splicing one by one would copy the text each time). */
function applyAll(text: string, edits: Edit[]): string {
  const parts: string[] = [];
  let position = 0;
  for (const edit of [...edits].sort((a, b) => a.offset - b.offset)) {
    parts.push(text.slice(position, edit.offset), edit.text);
    position = edit.offset + edit.length;
  }
  parts.push(text.slice(position));
  return parts.join('');
}

/** The indentation of the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** `value` as JSON for the place at `offset`: its later lines indented like that line. */
function jsonAt(text: string, offset: number, value: unknown, formatting: FormattingOptions): string {
  const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
  const indent = lineIndent(text, offset);
  return JSON.stringify(value, null, unit).split('\n').join(`${formatting.eol ?? '\n'}${indent}`);
}

/** Appends `values` to the array node, one per line, indented like its entries. */
function appendToArray(text: string, array: Node, values: unknown[], formatting: FormattingOptions): Edit {
  const eol = formatting.eol ?? '\n';
  const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
  const last = array.children?.[array.children.length - 1];
  if (last) {
    const indent = lineIndent(text, last.offset);
    const body = values.map((v) => `${indent}${jsonAt(text, last.offset, v, formatting)}`).join(`,${eol}`);
    return { offset: last.offset + last.length, length: 0, text: `,${eol}${body}` };
  }
  const outer = lineIndent(text, array.offset);
  const inner = outer + unit;
  const body = values.map((v) => `${inner}${JSON.stringify(v, null, unit).split('\n').join(`${eol}${inner}`)}`).join(`,${eol}`);
  return { offset: array.offset, length: array.length, text: `[${eol}${body}${eol}${outer}]` };
}

/** Paths the user chose that the new schema no longer has. */
function missingPaths(stream: string, config: StreamConfig, schema: unknown): MissingPath[] {
  if (!schema || typeof schema !== 'object') return [];
  const missing: MissingPath[] = [];
  const check = (field: MissingPath['field'], path: unknown) => {
    if (!Array.isArray(path) || path.length === 0 || !path.every((p) => typeof p === 'string')) return;
    if (!fieldAt(schema, path)) missing.push({ stream, field, path: formatPath(path) });
  };
  check('cursorField', config.cursorField);
  if (Array.isArray(config.primaryKey)) for (const key of config.primaryKey) check('primaryKey', key);
  if (Array.isArray(config.selectedFields)) for (const selected of config.selectedFields) check('selectedFields', selected?.fieldPath);
  return missing;
}

/** The one edit that turns `before` into `after`: their differing middle. */
export function singleEdit(before: string, after: string): { offset: number; length: number; text: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { offset: start, length: before.length - start - end, text: after.slice(start, after.length - end) };
}

export function describeMergeSummary(summary: MergeSummary): string {
  const parts = [
    `${summary.added.length} added${summary.added.length ? ` (${list(summary.added)}, unselected)` : ''}`,
    `${summary.changed.length} changed${summary.changed.length ? ` (${list(summary.changed)})` : ''}`,
    `${summary.removed.length} removed${summary.removed.length ? ` (${list(summary.removed)}: no longer discovered, left in the file)` : ''}`,
  ];
  let text = `Streams: ${parts.join(', ')}; ${summary.unchanged} unchanged.`;
  if (summary.missingPaths.length) {
    text += ` Fields no longer in the schema: ${list(summary.missingPaths.map((m) => `${m.stream} ${m.field} ${m.path}`))}.`;
  }
  return text;
}

function list(items: string[]): string {
  return items.length > 6 ? `${items.slice(0, 6).join(', ')} and ${items.length - 6} more` : items.join(', ');
}

function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const insertSpaces = !indent.startsWith('\t');
  return { insertSpaces, tabSize: insertSpaces ? indent.length : 4, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) result[String(key.value)] = toValue(value);
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}


function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
