// Text edits behind the quick fixes whose remedy is structural: removing a property, and
// lifting `catalog.streams` of a pasted discover_schema answer into `syncCatalog.streams`.
import { findNodeAtOffset, parseTree, type Node } from 'jsonc-parser';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** The property whose key starts at `keyOffset`. */
function propertyAt(root: Node | undefined, keyOffset: number): Node | undefined {
  const key = root && findNodeAtOffset(root, keyOffset + 1, true);
  return key?.parent?.type === 'property' ? key.parent : undefined;
}

/** Deletes the property whose key starts at `keyOffset`, with the comma that separates it. */
export function removePropertyEdit(text: string, keyOffset: number): TextEdit | undefined {
  const property = propertyAt(parseTree(text), keyOffset);
  const siblings = property?.parent?.children;
  if (!property || !siblings) return undefined;
  const index = siblings.indexOf(property);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  if (next) return { start: property.offset, end: next.offset, newText: '' };
  if (previous) return { start: previous.offset + previous.length, end: property.offset + property.length, newText: '' };
  return { start: property.offset, end: property.offset + property.length, newText: '' };
}

/** Replaces the value of the `syncCatalog` key at `keyOffset` by `{ "streams": <catalog.streams> }`. */
export function liftCatalogStreamsEdit(text: string, keyOffset: number): TextEdit | undefined {
  const property = propertyAt(parseTree(text), keyOffset);
  const value = property?.children?.[1];
  const catalog = value?.children?.find((p) => p.children?.[0]?.value === 'catalog')?.children?.[1];
  const streams = catalog?.children?.find((p) => p.children?.[0]?.value === 'streams')?.children?.[1];
  if (!value || !streams) return undefined;
  const streamsText = text.slice(streams.offset, streams.offset + streams.length);
  return { start: value.offset, end: value.offset + value.length, newText: `{ "streams": ${streamsText} }` };
}
