// Top-level settings whose consequences are easy to miss.
import { child, items, property, stringValue } from './ast';
import type { Rule, RuleProblem } from './rule';

export const connectionRules: Rule = ({ root }) => {
  const problems: RuleProblem[] = [];
  const statusNode = child(root, 'status');
  if (stringValue(statusNode) === 'deprecated') {
    problems.push({
      node: statusNode!,
      severity: 'warning',
      code: 'created-deprecated',
      message: 'A `deprecated` connection can never be re-activated: this creates a connection that will never sync. Use `active` or `inactive`.',
    });
  }
  const sourceId = stringValue(child(root, 'sourceId'));
  const destinationId = stringValue(child(root, 'destinationId'));
  if (sourceId && sourceId === destinationId) {
    problems.push({
      node: child(root, 'destinationId')!,
      severity: 'error',
      code: 'same-source-destination',
      message: '`destinationId` is the same id as `sourceId`; a source id is never a destination, so Airbyte answers 404. Use the id of a destination.',
    });
  }
  const operationIds = property(root, 'operationIds');
  if (operationIds && items(operationIds.valueNode).length > 0) {
    problems.push({
      node: operationIds.keyNode,
      severity: 'warning',
      code: 'operation-ids-dropped',
      unnecessary: true,
      message: 'Airbyte v0.44.3 drops `operationIds` on this call: the connection gets only the operations created from `operations`. Describe each operation in `operations` instead.',
    });
  }
  for (const schedule of [child(child(root, 'scheduleData'), 'basicSchedule'), child(root, 'schedule')]) {
    const unitsNode = child(schedule, 'units');
    if (unitsNode?.type === 'number' && unitsNode.value < 1) {
      problems.push({ node: unitsNode, severity: 'warning', code: 'schedule-units', message: `Airbyte accepts a schedule every ${unitsNode.value} units, but the scheduler then has no sensible interval. Use \`units\` of at least 1.` });
    }
  }
  return problems;
};
