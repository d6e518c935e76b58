// A stream entry with its `jsonSchema` value blanked out, for validating large catalogs.
//
// The discovered JSON schema is most of an entry's text, yet nothing is ever reported inside it:
// the connection schema takes it as a free-form object and the rules only ask whether field
// paths exist in it. Building a syntax tree of it was most of the cost of opening a large file,
// and parsing it with JSON.parse most of what remained. So the `jsonSchema` object the layout
// scan found (catalogLayout.ts) is replaced by `{}`: the syntax tree is built for the rest only
// (its parse reports any syntax error there), the schema's text is checked and measured in one
// pass (measureCompact.ts), rules ask about its fields from that text and parse it only to word
// a message, and offsets found in the skeleton are moved back to the entry's.
import { fieldsOfText, fieldsOfValue, type SchemaFields } from '../catalog/schemaFields';
import { measureCompact } from '../json/measureCompact';
import { isPlainObject } from '../json/plainObject';
import type { StandIn } from '../rules/ast';
import type { EntryPlaces } from './catalogLayout';
import { utf8Length } from '../text/utf8';

export interface EntrySkeleton {
  /** The entry's text with the `jsonSchema` object replaced by `{}`. */
  text: string;
  /** Where that `{}` is, and how many characters it stands for beyond its own two. */
  at: number;
  removed: number;
  /** `stream.jsonSchema`, read when asked. */
  jsonSchema: SchemaStandIn;
}

/** A stream's `jsonSchema` known to be an object JSON.parse accepts, read from its text. */
export interface SchemaStandIn extends StandIn {
  /** Its size as Create Connection sends it (compacted, UTF-8). */
  bytes(): number;
}

/** Below this size the tree of a `jsonSchema` costs less than the detour. */
const WORTH_IT = 512;

/**
 * The skeleton of `entryText` whose `stream.jsonSchema` object spans [schemaStart, schemaEnd)
 * (-1: not known; `schemaBytes`: its size if the layout scan measured it), or undefined when
 * the entry is validated as it is: no such object, a small one, or one `JSON.parse` refuses
 * (the parser then reports what is wrong).
 */
export function entrySkeleton(entryText: string, { schemaStart, schemaEnd, schemaBytes = -1 }: Pick<EntryPlaces, 'schemaStart' | 'schemaEnd'> & Partial<Pick<EntryPlaces, 'schemaBytes'>>): EntrySkeleton | undefined {
  if (schemaStart < 0 || schemaEnd - schemaStart < WORTH_IT) return undefined;
  const source = entryText.slice(schemaStart, schemaEnd);
  const bytes = schemaBytes >= 0 ? schemaBytes : measureCompact(source, 0, source.length);
  const jsonSchema = bytes >= 0 ? measuredSchema(source, bytes) : parsedSchema(source);
  if (!jsonSchema) return undefined;
  const text = entryText.slice(0, schemaStart) + '{}' + entryText.slice(schemaEnd);
  return { text, at: schemaStart, removed: schemaEnd - schemaStart - 2, jsonSchema };
}

/** The schema read from its text, which measureCompact vouched for (the common case) and measured. */
function measuredSchema(source: string, bytes: number): SchemaStandIn {
  let value: unknown;
  return {
    bytes: () => bytes,
    value: () => (value ??= JSON.parse(source)),
    fields: () => fieldsOfText(source, 0),
  };
}

/** The schema parsed at once: what measureCompact leaves (a syntax error, a duplicate key…). */
function parsedSchema(source: string): SchemaStandIn | undefined {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  let fields: SchemaFields | undefined;
  return {
    bytes: () => utf8Length(JSON.stringify(value)),
    value: () => value,
    fields: () => (fields ??= fieldsOfValue(value)),
  };
}

/** The entry's offset of an offset in the skeleton (the end of the `{}` is the end of the schema). */
export function entryOffset(skeleton: Pick<EntrySkeleton, 'at' | 'removed'>, offset: number): number {
  return offset >= skeleton.at + 2 ? offset + skeleton.removed : offset;
}
