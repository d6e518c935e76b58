// The UTF-8 size of a JSON value once compacted as Create Connection sends it
// (`JSON.stringify(JSON.parse(text))`), computed from the syntax tree the validation already
// built instead of parsing and printing the text again. Exact: a duplicate key counts once,
// with its last value (as JSON.parse keeps it); strings are measured as JSON.stringify escapes
// them; numbers as JSON.stringify prints them.
import type { ASTNode } from 'vscode-json-languageservice';

export function compactSize(node: ASTNode): number {
  switch (node.type) {
    case 'object': {
      const properties = node.properties;
      const last = properties.length > 32 ? lastIndexOfKeys(properties) : undefined;
      let size = 2;
      let counted = 0;
      for (let i = 0; i < properties.length; i++) {
        const key = properties[i].keyNode.value;
        if (last ? last.get(key) !== i : isOverridden(properties, i, key)) continue; // JSON.parse keeps the last value of a key
        size += stringSize(key) + 1 + compactSize(properties[i].valueNode!);
        counted++;
      }
      return size + Math.max(0, counted - 1);
    }
    case 'array': {
      let size = 2 + Math.max(0, node.items.length - 1);
      for (const item of node.items) size += compactSize(item);
      return size;
    }
    case 'string':
      return stringSize(node.value);
    case 'number':
      return JSON.stringify(node.value).length;
    case 'boolean':
      return node.value ? 4 : 5;
    case 'null':
      return 4;
    default:
      throw new Error('not a JSON value');
  }
}

/** Whether a later property of the object has the same key. */
function isOverridden(properties: ReadonlyArray<{ keyNode: { value: string } }>, i: number, key: string): boolean {
  for (let j = i + 1; j < properties.length; j++) if (properties[j].keyNode.value === key) return true;
  return false;
}

function lastIndexOfKeys(properties: ReadonlyArray<{ keyNode: { value: string } }>): Map<string, number> {
  const last = new Map<string, number>();
  for (let i = 0; i < properties.length; i++) last.set(properties[i].keyNode.value, i);
  return last;
}

/** UTF-8 bytes of JSON.stringify(value). */
function stringSize(value: string): number {
  let bytes = 2;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c < 0x20) bytes += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) bytes += 6; // a lone surrogate: written as \uXXXX
    else bytes += 3;
  }
  return bytes;
}
