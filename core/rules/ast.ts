// Small read-only helpers over the JSON language service's syntax tree, so that rules read
// like the Airbyte behaviour they describe and every problem keeps its exact place.
import type { ASTNode, ObjectASTNode, PropertyASTNode } from 'vscode-json-languageservice';
import type { SchemaFields } from '../catalog/schemaFields';

export function asObject(node: ASTNode | undefined): ObjectASTNode | undefined {
  return node?.type === 'object' ? node : undefined;
}

export function property(node: ASTNode | undefined, key: string): PropertyASTNode | undefined {
  const object = asObject(node);
  if (!object) return undefined;
  // The last duplicate wins, as it does for Airbyte's JSON reader.
  for (let i = object.properties.length - 1; i >= 0; i--) {
    if (object.properties[i].keyNode.value === key) return object.properties[i];
  }
  return undefined;
}

export function child(node: ASTNode | undefined, key: string): ASTNode | undefined {
  return property(node, key)?.valueNode;
}

export function items(node: ASTNode | undefined): ASTNode[] {
  return node?.type === 'array' ? node.items : [];
}

export function stringValue(node: ASTNode | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

/** A boolean as Airbyte's mapper reads it: also `"true"`/`"false"` and whole numbers (0 is false). */
export function booleanValue(node: ASTNode | undefined): boolean | undefined {
  if (node?.type === 'boolean') return node.value;
  if (node?.type === 'string' && (node.value === 'true' || node.value === 'false')) return node.value === 'true';
  if (node?.type === 'number' && Number.isInteger(node.value)) return node.value !== 0;
  return undefined;
}

/** A present value that is not `null`. */
export function isSet(node: ASTNode | undefined): node is ASTNode {
  return node !== undefined && node.type !== 'null';
}

/**
 * `["a","b"]` -> ["a","b"]; a lone `"a"` -> ["a"], as Airbyte's mapper reads it
 * (ACCEPT_SINGLE_VALUE_AS_ARRAY); anything else -> undefined.
 */
export function stringArray(node: ASTNode | undefined): string[] | undefined {
  if (node?.type === 'string') return [node.value];
  if (node?.type !== 'array') return undefined;
  const result: string[] = [];
  for (const item of node.items) {
    if (item.type !== 'string') return undefined;
    result.push(item.value);
  }
  return result;
}

/** `[["a"],["b","c"]]` -> [["a"],["b","c"]]; also the coerced forms `["a"]` and `"a"` -> [["a"]]. */
export function stringArrays(node: ASTNode | undefined): string[][] | undefined {
  if (node?.type === 'string') return [[node.value]];
  if (node?.type !== 'array') return undefined;
  const result: string[][] = [];
  for (const item of node.items) {
    const inner = stringArray(item);
    if (!inner) return undefined;
    result.push(inner);
  }
  return result;
}

/** The key node of a property, or the node itself: where a problem about a field belongs. */
export function keyOf(node: ASTNode): ASTNode {
  return node.parent?.type === 'property' ? node.parent.keyNode : node;
}

/** Plain values of syntax-tree nodes, computed once for an object or array. */
const plainValues = new WeakMap<ASTNode, unknown>();

/**
 * What stands for a subtree the tree does not hold (a stream's `jsonSchema`, see
 * entrySkeleton.ts): its value, read when first asked, and answers about its fields that may
 * not need the value at all.
 */
export interface StandIn {
  value(): unknown;
  fields(): SchemaFields;
}

const standIns = new WeakMap<ASTNode, StandIn>();

/** Makes `nodeValue(node)` and `standInOf(node)` answer from `standIn` (the subtree was not built). */
export function giveStandIn(node: ASTNode, standIn: StandIn): void {
  standIns.set(node, standIn);
}

export function standInOf(node: ASTNode | undefined): StandIn | undefined {
  return node && standIns.get(node);
}

/** The plain value of a syntax-tree node (a stream's `jsonSchema`, for field-path look-ups); not to be modified. */
export function nodeValue(node: ASTNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object':
    case 'array': {
      const standIn = standIns.get(node);
      if (standIn) return standIn.value();
      if (plainValues.has(node)) return plainValues.get(node);
      const value = node.type === 'object' ? Object.fromEntries(node.properties.filter((p) => p.valueNode).map((p) => [p.keyNode.value, nodeValue(p.valueNode)])) : node.items.map(nodeValue);
      plainValues.set(node, value);
      return value;
    }
    case 'null':
      return null;
    default:
      return node.value;
  }
}
