// A stream entry with its `jsonSchema` value blanked out, for validating large catalogs.
//
// The discovered JSON schema is most of an entry's text, yet nothing is ever reported inside it:
// the connection schema takes it as a free-form object and the rules only read its property
// names. Building a syntax tree of it is most of the cost of opening a large file. So the
// `jsonSchema` object the layout scan found (catalogLayout.ts) is read by `JSON.parse` and
// replaced by `{}`: the syntax tree is built for the rest only (its parse reports any syntax
// error there), rules read the schema through `nodeValue`, and offsets found in the skeleton
// are moved back to the entry's.
import { isPlainObject } from '../json/plainObject';

export interface EntrySkeleton {
  /** The entry's text with the `jsonSchema` object replaced by `{}`. */
  text: string;
  /** Where that `{}` is, and how many characters it stands for beyond its own two. */
  at: number;
  removed: number;
  /** `stream.jsonSchema`, as parsed. */
  jsonSchema: Record<string, unknown>;
}

/** Below this size the tree of a `jsonSchema` costs less than the detour. */
const WORTH_IT = 512;

/**
 * The skeleton of `entryText` whose `stream.jsonSchema` object spans [schemaStart, schemaEnd)
 * (-1: not known), or undefined when the entry is validated as it is: no such object, a small
 * one, or one `JSON.parse` refuses (the parser then reports what is wrong).
 */
export function entrySkeleton(entryText: string, schemaStart: number, schemaEnd: number): EntrySkeleton | undefined {
  if (schemaStart < 0 || schemaEnd - schemaStart < WORTH_IT) return undefined;
  let jsonSchema: unknown;
  try {
    jsonSchema = JSON.parse(entryText.slice(schemaStart, schemaEnd));
  } catch {
    return undefined;
  }
  if (!isPlainObject(jsonSchema)) return undefined;
  const text = entryText.slice(0, schemaStart) + '{}' + entryText.slice(schemaEnd);
  return { text, at: schemaStart, removed: schemaEnd - schemaStart - 2, jsonSchema };
}

/** The entry's offset of an offset in the skeleton (the end of the `{}` is the end of the schema). */
export function entryOffset(skeleton: Pick<EntrySkeleton, 'at' | 'removed'>, offset: number): number {
  return offset >= skeleton.at + 2 ? offset + skeleton.removed : offset;
}
