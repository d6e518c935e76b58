// What Airbyte v0.44.3 does when a property the contract marks required is missing or null.
// Micronaut runs no bean validation, so nothing is rejected up front: each consequence below is
// what the handlers then do with the null.
import type { ASTNode, ObjectASTNode } from 'vscode-json-languageservice';
import type { RuleProblem, RuleSeverity } from '../rules/rule';

interface Consequence {
  severity: RuleSeverity;
  /** What happens; no status code unless the server really answers with it. */
  consequence: string;
  add: string;
}

const NPE = 'Airbyte v0.44.3 fails on it (500, a null pointer)';

const CONSEQUENCES: Record<string, Consequence> = {
  sourceId: { severity: 'error', consequence: 'Airbyte v0.44.3 looks up a source without an id and fails (500)', add: 'the id of the source to read from (Ctrl+Space lists the sources of your server)' },
  destinationId: { severity: 'error', consequence: 'Airbyte v0.44.3 looks up a destination without an id and fails (500)', add: 'the id of the destination to write to (Ctrl+Space lists the destinations of your server)' },
  status: {
    severity: 'error',
    consequence: 'Airbyte v0.44.3 accepts the request but stores a connection with no status: it never syncs on schedule and the web app cannot show its state',
    add: '`"active"` (syncs run on schedule) or `"inactive"` (paused)',
  },
  stream: { severity: 'error', consequence: `a catalog entry without it: ${NPE}`, add: 'the stream as discovered from the source (`name`, `jsonSchema`, `supportedSyncModes`)' },
  config: { severity: 'error', consequence: `a catalog entry without it: ${NPE}`, add: '`"config": { "syncMode": "full_refresh", "destinationSyncMode": "overwrite", "selected": true }`' },
  selected: { severity: 'error', consequence: `a stream without it: ${NPE}`, add: '`"selected": true` to sync the stream or `false` to skip it' },
  syncMode: { severity: 'error', consequence: 'Airbyte v0.44.3 stores the stream without a sync mode (500 with field selection on) and its syncs fail', add: '`"syncMode": "full_refresh"` or `"incremental"`' },
  destinationSyncMode: { severity: 'error', consequence: 'Airbyte v0.44.3 stores the stream without a destination sync mode (500 with field selection on) and its syncs fail', add: '`"destinationSyncMode": "overwrite"`, `"append"` or `"append_dedup"`' },
  workspaceId: { severity: 'error', consequence: 'Airbyte v0.44.3 cannot store an operation without a workspace and fails (500)', add: 'the workspace id of the source' },
  cronExpression: { severity: 'error', consequence: 'Airbyte rejects the request (422: Cron expression and timezone are required)', add: '`"cronExpression": "0 0 12 * * ?"`' },
  cronTimeZone: { severity: 'error', consequence: 'Airbyte rejects the request (422: Cron expression and timezone are required)', add: '`"cronTimeZone": "UTC"`' },
};

export function requiredPropertyProblem(name: string, object: ObjectASTNode, keyNode: ASTNode | undefined): RuleProblem {
  const node = keyNode ?? placeOf(object);
  if (name === 'streams' && keyNode) {
    // Omitted, the generated model keeps its empty list; an explicit null reaches the converter.
    return { node, severity: 'error', code: 'missing-property', message: '"streams" is null: Airbyte v0.44.3 fails on it (500, a null pointer in its catalog converter). Write `[]` or list the streams.' };
  }
  if (name === 'streams') return missingStreams(object, node);
  const known = CONSEQUENCES[name];
  const verb = keyNode ? `"${name}" is null` : `Missing required property "${name}"`;
  return {
    node,
    severity: known?.severity ?? 'error',
    code: 'missing-property',
    message: known
      ? `${verb}: ${known.consequence}. Add ${known.add}.`
      : `${verb}: Airbyte v0.44.3 has no default for it, so the request or the syncs fail without it. Add it.`,
  };
}

/** `syncCatalog` without `streams`: accepted, and the connection has no streams. */
function missingStreams(object: ObjectASTNode, node: ASTNode): RuleProblem {
  const pasted = object.properties.find((p) => p.keyNode.value === 'catalog');
  if (pasted) {
    return {
      node,
      severity: 'warning',
      code: 'discover-response-pasted',
      message:
        'This `syncCatalog` holds a whole discover_schema answer (`catalog`, `jobInfo`, `catalogId`) instead of `streams`. Airbyte v0.44.3 accepts it and creates a connection with no streams. Move `catalog.streams` up into `syncCatalog.streams`.',
      data: { liftCatalogStreams: true },
    };
  }
  return {
    node,
    severity: 'warning',
    code: 'missing-property',
    message: 'Missing required property "streams": Airbyte v0.44.3 accepts it and creates a connection with no streams. Add `"streams": [...]` from the discover_schema answer.',
  };
}

/** The key of the object when it has one, else its opening brace. */
function placeOf(object: ObjectASTNode): ASTNode {
  if (object.parent?.type === 'property') return object.parent.keyNode;
  return { ...object, length: 1 } as ASTNode;
}
