// Walks the document beside the bundled schema, visiting each node with the schema that
// describes it. Free-form parts (a stream's JSON schema, operator settings) have no
// `properties` and are not descended into, so even huge catalogs cost little here.
import type { ASTNode, JSONSchema } from 'vscode-json-languageservice';
import { connectionSchema, resolveSchemaRef } from '../schema/connectionSchema';

export type SchemaVisitor = (node: ASTNode, schema: JSONSchema) => void;

export function walkWithSchema(root: ASTNode, visit: SchemaVisitor, schema: JSONSchema = connectionSchema): void {
  const stack: Array<[ASTNode, JSONSchema]> = [[root, schema]];
  while (stack.length > 0) {
    const [node, rawSchema] = stack.pop()!;
    const nodeSchema = resolveSchemaRef(rawSchema);
    visit(node, nodeSchema);
    if (node.type === 'object' && nodeSchema.properties) {
      for (const prop of node.properties) {
        const propSchema = nodeSchema.properties[prop.keyNode.value];
        if (prop.valueNode && propSchema && typeof propSchema === 'object') stack.push([prop.valueNode, propSchema]);
      }
    } else if (node.type === 'array' && nodeSchema.items && typeof nodeSchema.items === 'object' && !Array.isArray(nodeSchema.items)) {
      for (const item of node.items) stack.push([item, nodeSchema.items]);
    }
  }
}
