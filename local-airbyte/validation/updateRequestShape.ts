// The body of `web_backend/connections/update` (WebBackendConnectionUpdate): the create body's
// fields except the ids it cannot change, plus the patch-only ones.
import { arrayOf, boolean, object, uuid, type ObjectShape } from './shapes';
import { webBackendConnectionCreate } from './requestShapes';

const { sourceId: _source, destinationId: _destination, operationIds: _ids, operations, ...shared } =
  webBackendConnectionCreate.properties;
const operationCreate = operations?.kind === 'array' && operations.items.kind === 'object' ? operations.items : undefined;

export const webBackendConnectionUpdate: ObjectShape = object('WebBackendConnectionUpdate', {
  connectionId: uuid,
  ...shared,
  skipReset: boolean,
  notifySchemaChanges: boolean,
  notifySchemaChangesByEmail: boolean,
  operations: arrayOf(object('WebBackendOperationCreateOrUpdate', { operationId: uuid, ...(operationCreate?.properties ?? {}) })),
});
