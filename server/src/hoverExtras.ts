// What hover adds above the schema's documentation for the value under the cursor: the name of
// a source or destination id, and a plain-English reading of a cron expression.
import type { ASTNode } from 'vscode-json-languageservice';
import { describeQuartzCron } from '../../core/airbyte/quartzCron';
import type { AirbyteResourceContribution } from './airbyteResources';

export async function hoverLead(uri: string, node: ASTNode | undefined, resources: AirbyteResourceContribution): Promise<string | undefined> {
  if (node?.type !== 'string' || node.parent?.type !== 'property' || node.parent.valueNode !== node) return undefined;
  const key = node.parent.keyNode.value;
  if (key === 'sourceId' || key === 'destinationId') return resources.describeId(uri, key, node.value);
  if (key === 'cronExpression') {
    const reading = describeQuartzCron(node.value);
    return reading ? `**${reading}** (Quartz cron, in \`cronTimeZone\`)` : undefined;
  }
  return undefined;
}
