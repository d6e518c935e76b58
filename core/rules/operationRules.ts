// Operations created with the connection: each operator type needs its own settings object,
// which Airbyte checks before creating the operation; the others' settings are ignored.
import { child, isSet, items, keyOf, stringValue } from './ast';
import type { Rule, RuleProblem } from './rule';

const SETTINGS_OF: Record<string, string> = { normalization: 'normalization', dbt: 'dbt', webhook: 'webhook' };

export const operationRules: Rule = ({ root, server }) => {
  const problems: RuleProblem[] = [];
  for (const operation of items(child(root, 'operations'))) {
    const workspaceNode = child(operation, 'workspaceId');
    const workspaceId = stringValue(workspaceNode);
    if (server?.sourceWorkspaceId && workspaceId && workspaceId.toLowerCase() !== server.sourceWorkspaceId.toLowerCase()) {
      problems.push({
        node: workspaceNode!,
        severity: 'error',
        code: 'operation-workspace',
        message: `This operation is in workspace ${workspaceId}, but the source is in ${server.sourceWorkspaceId}: Airbyte v0.44.3 creates the operation, then fails the connection (500) and leaves the operation behind. Use the source's workspace id.`,
        data: { replaceValueWith: server.sourceWorkspaceId },
      });
    }
    const configuration = child(operation, 'operatorConfiguration');
    const typeNode = child(configuration, 'operatorType');
    const type = stringValue(typeNode);
    if (!type || !(type in SETTINGS_OF)) continue;
    const wanted = SETTINGS_OF[type];
    if (!isSet(child(configuration, wanted))) {
      problems.push({
        node: typeNode!,
        severity: 'error',
        code: 'operator-settings-missing',
        message: `Airbyte v0.44.3 fails on a \`${type}\` operation without \`operatorConfiguration.${wanted}\` (500, a failed precondition; operations listed before it are left behind). Add it${exampleFor(type)}.`,
      });
    }
    const webhook = child(configuration, 'webhook');
    const webhookTypeNode = child(webhook, 'webhookType');
    if (type === 'webhook' && stringValue(webhookTypeNode) === 'dbtCloud' && !isSet(child(webhook, 'dbtCloud'))) {
      problems.push({
        node: webhookTypeNode!,
        severity: 'error',
        code: 'dbt-cloud-missing',
        message: 'A `dbtCloud` webhook needs `webhook.dbtCloud` with the dbt Cloud `accountId` and `jobId`: without it Airbyte v0.44.3 fails building the job URL (500, a null pointer). Add `"dbtCloud": { "accountId": 1, "jobId": 1 }`.',
      });
    }
    for (const other of Object.values(SETTINGS_OF)) {
      const node = child(configuration, other);
      if (other !== wanted && isSet(node)) {
        problems.push({
          node: keyOf(node),
          severity: 'warning',
          code: 'operator-settings-ignored',
          unnecessary: true,
          message: `Airbyte ignores \`${other}\` on a \`${type}\` operation. Remove it, or set \`operatorType\` to \`${other}\`.`,
        });
      }
    }
  }
  return problems;
};

function exampleFor(type: string): string {
  switch (type) {
    case 'normalization':
      return ': `"normalization": { "option": "basic" }`';
    case 'dbt':
      return ': `"dbt": { "gitRepoUrl": "https://github.com/org/dbt-project.git" }`';
    default:
      return ': `"webhook": { "webhookConfigId": "…", "webhookType": "dbtCloud", "dbtCloud": { "accountId": 1, "jobId": 1 } }`';
  }
}
