// What the rules ask of a stream's `jsonSchema`: whether it has `properties`, and whether a field
// path exists in it. Answered from the parsed value, or from the schema's text when validation
// did not parse it (entrySkeleton.ts): both answer as `fieldAt` and `propertiesOf` do.
import { memberValue } from '../json/memberValue';
import { fieldAt, propertiesOf } from './fieldPaths';

export interface SchemaFields {
  /** Whether the schema has a `properties` object (what Airbyte needs for field selection). */
  hasProperties(): boolean;
  /** Whether `path` names a field, nested segments through nested `properties` (as `fieldAt`). */
  has(path: readonly string[]): boolean;
}

export function fieldsOfValue(schema: unknown): SchemaFields {
  return {
    hasProperties: () => propertiesOf(schema) !== undefined,
    has: (path) => fieldAt(schema, path) !== undefined,
  };
}

/**
 * The fields of the schema object whose `{` is at `open` in `text`, which measureCompact.ts
 * accepted (so a key is written without escapes and at most once per object).
 */
export function fieldsOfText(text: string, open: number): SchemaFields {
  const properties = (at: number) => {
    const value = memberValue(text, at, 'properties');
    return value >= 0 && text.charCodeAt(value) === 0x7b ? value : -1;
  };
  return {
    hasProperties: () => properties(open) >= 0,
    has(path) {
      if (path.length === 0) return false;
      let at = open;
      for (const segment of path) {
        const within = properties(at);
        if (within < 0) return false;
        at = memberValue(text, within, segment);
        if (at < 0) return false;
      }
      return true;
    },
  };
}
