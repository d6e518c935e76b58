// Completion and hover of field paths inside one stream entry of `syncCatalog.streams`
// (`{ "stream": …, "config": … }`): `config.cursorField`, `config.primaryKey` and
// `config.selectedFields[].fieldPath` name fields of the entry's own `stream.jsonSchema`.
// Works on the JSON language service's syntax tree and a document offset; no editor needed.
import type { ASTNode } from 'vscode-json-languageservice';
import { child, items, nodeValue, property, stringArray, stringArrays } from '../rules/ast';
import { describeType, fieldAt, formatPath, listFieldPaths } from './fieldPaths';

export interface FieldPathCompletion {
  /** `user.login` */
  label: string;
  /** The field's type. */
  detail: string;
  documentation?: string;
  /** JSON text that replaces [replaceStart, replaceEnd), e.g. `["user", "login"]`. */
  insertText: string;
  replaceStart: number;
  replaceEnd: number;
  /** What the client filters on (it starts where the replaced range starts). */
  filterText: string;
  sortText: string;
}

type Slot =
  /** A whole path: `cursorField` or a `fieldPath`, or one key of `primaryKey`. */
  | { kind: 'path'; field: 'cursorField' | 'primaryKey' | 'fieldPath'; node: ASTNode }
  /** A new key inside `primaryKey`'s outer array, at the offset. */
  | { kind: 'newKey'; node: ASTNode }
  /** `"cursorField": |` or `"primaryKey": |` with no value yet: the whole value is inserted. */
  | { kind: 'value'; field: 'cursorField' | 'primaryKey' };

/** The `syncCatalog.streams[i]` object that contains `offset`, if any. */
export function streamEntryAt(root: ASTNode | undefined, offset: number): ASTNode | undefined {
  const streams = child(child(root, 'syncCatalog'), 'streams');
  return items(streams).find((entry) => entry.type === 'object' && contains(entry, offset));
}

export function fieldPathCompletions(streamEntry: ASTNode, offset: number): FieldPathCompletion[] | undefined {
  const slot = slotAt(streamEntry, offset);
  if (!slot) return undefined;
  const stream = child(streamEntry, 'stream');
  const schema = nodeValue(child(stream, 'jsonSchema'));
  const roles = sourceRoles(stream);
  const paths = listFieldPaths(schema);
  if (slot.kind === 'value' && paths.length === 0) return undefined; // leave the schema's own default (`[]`)
  const replaceStart = slot.kind === 'path' ? slot.node.offset : offset;
  const replaceEnd = slot.kind === 'path' ? slot.node.offset + slot.node.length : offset;
  return paths.map((field, index) => {
    const path = JSON.stringify(field.path).replace(/","/g, '", "');
    // A whole primaryKey value is a list of keys: `[["id"]]`.
    const insertText = slot.kind === 'value' && slot.field === 'primaryKey' ? `[${path}]` : path;
    const role = roles(field.path);
    return {
      label: formatPath(field.path),
      detail: role ? `${field.type} · ${role}` : field.type,
      insertText,
      replaceStart,
      replaceEnd,
      filterText: insertText,
      // The source's own cursor and key first, then schema order.
      sortText: `${role ? '0' : '1'}${String(index).padStart(5, '0')}`,
    };
  });
}

/** Markdown for the field path under `offset`: its type, and whether it is the source's cursor or key. */
export function fieldPathHover(streamEntry: ASTNode, offset: number): string | undefined {
  const slot = slotAt(streamEntry, offset);
  if (!slot || slot.kind !== 'path') return undefined;
  const path = stringArray(slot.node);
  if (!path || path.length === 0) return undefined;
  const stream = child(streamEntry, 'stream');
  const schema = nodeValue(child(stream, 'jsonSchema'));
  const field = fieldAt(schema, path);
  const name = `\`${formatPath(path)}\``;
  if (!field) return `**${name}** is not a field of this stream's \`jsonSchema\`.`;
  const role = sourceRoles(stream)(path);
  return `**${name}**: ${describeType(field)}${role ? ` — ${role}` : ''}`;
}

/** Where in the entry's config the offset is, if it is in a field path. */
function slotAt(streamEntry: ASTNode, offset: number): Slot | undefined {
  const config = child(streamEntry, 'config');
  if (!config || !contains(config, offset)) return undefined;
  for (const field of ['cursorField', 'primaryKey'] as const) {
    const node = property(config, field);
    if (node && !node.valueNode && node.colonOffset !== undefined && node.colonOffset >= 0 && offset > node.colonOffset && offset <= node.offset + node.length) return { kind: 'value', field };
  }
  const cursor = child(config, 'cursorField');
  if (cursor?.type === 'array' && contains(cursor, offset)) return { kind: 'path', field: 'cursorField', node: cursor };
  const primaryKey = child(config, 'primaryKey');
  if (primaryKey?.type === 'array' && contains(primaryKey, offset)) {
    const key = primaryKey.items.find((item) => contains(item, offset));
    if (key?.type === 'array') return { kind: 'path', field: 'primaryKey', node: key };
    if (key) return undefined;
    return { kind: 'newKey', node: primaryKey };
  }
  for (const selected of items(child(config, 'selectedFields'))) {
    const fieldPath = child(selected, 'fieldPath');
    if (fieldPath?.type === 'array' && contains(fieldPath, offset)) return { kind: 'path', field: 'fieldPath', node: fieldPath };
  }
  return undefined;
}

/** Describes the source's own use of a path: its cursor, its primary key. */
function sourceRoles(stream: ASTNode | undefined): (path: readonly string[]) => string | undefined {
  const defaultCursor = stringArray(child(stream, 'defaultCursorField')) ?? [];
  const sourceDefinedCursor = child(stream, 'sourceDefinedCursor')?.type === 'boolean' && child(stream, 'sourceDefinedCursor')!.value === true;
  const primaryKey = stringArrays(child(stream, 'sourceDefinedPrimaryKey')) ?? [];
  return (path) => {
    const roles: string[] = [];
    if (defaultCursor.length && same(defaultCursor, path)) roles.push(sourceDefinedCursor ? "the source's cursor (source-defined)" : "the source's default cursor");
    if (primaryKey.some((key) => same(key, path))) roles.push("the source's primary key");
    return roles.length ? roles.join(', ') : undefined;
  };
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Inside the node, its closing bracket's position included (where one types next). */
function contains(node: ASTNode, offset: number): boolean {
  return offset > node.offset && offset < node.offset + node.length + (node.type === 'string' ? 1 : 0);
}
