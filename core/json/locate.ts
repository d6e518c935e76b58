// Finds where a JSON path points in a document's text, so that a problem reported by path
// (a rule, or Airbyte's `validationErrors[].propertyPath`) lands at the right place.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

export type JsonPath = (string | number)[];

export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * Parses Airbyte's property paths: `syncCatalog.streams[0].config.syncMode`,
 * `/syncCatalog/streams/0/config`, `$.scheduleData.cron` or a bare `sourceId`.
 */
export function parsePropertyPath(path: string): JsonPath {
  const trimmed = path.trim().replace(/^\$\.?/, '');
  if (trimmed.startsWith('/')) {
    return trimmed
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  }
  const result: JsonPath = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\[['"]([^'"]+)['"]\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(trimmed))) {
    if (m[1] !== undefined) result.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    else if (m[2] !== undefined) result.push(Number(m[2]));
    else if (m[3] !== undefined) result.push(m[3]);
  }
  return result;
}

/**
 * The range of the value at `path` (or, for `target: 'key'`, of its property name). When the
 * path does not exist in full, the deepest existing ancestor's property name is returned, so
 * a message about a missing field still lands near where it belongs. Undefined only when the
 * text has no JSON at all.
 */
export function locateJsonPath(
  text: string,
  path: JsonPath,
  target: 'value' | 'key' = 'value',
  root: Node | undefined = parseTree(text),
): OffsetRange | undefined {
  if (!root) return undefined;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (!node) continue;
    const exact = depth === path.length;
    const wantKey = target === 'key' || !exact;
    if (wantKey && node.parent?.type === 'property' && node.parent.children?.[0]) {
      const key = node.parent.children[0];
      return { start: key.offset, end: key.offset + key.length };
    }
    if (!exact && node.type === 'object') {
      // Missing property of an existing object: point at its opening brace.
      return { start: node.offset, end: node.offset + 1 };
    }
    return { start: node.offset, end: node.offset + node.length };
  }
  return { start: root.offset, end: root.offset + 1 };
}

/** Offsets to zero-based line/character positions (LSP and VS Code both use these). */
export function offsetToPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
