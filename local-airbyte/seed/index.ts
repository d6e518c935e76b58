// Fresh copies of all seeded data for one server instance (instances never share objects).
import type { DestinationRead, OperationRead, SourceRead, StoredConnection, WorkspaceRead } from '../apiTypes';
import { seedCatalogs, type SeedCatalog } from './catalogs';
import { seedConnections } from './connections';
import { seedDestinations } from './destinations';
import { seedOperations } from './operations';
import { seedSources } from './sources';
import { seedWorkspaces } from './workspace';

export { DEFINITION_IDS, SEED_IDS } from './ids';
export type { SeedCatalog } from './catalogs';

export interface SeedData {
  workspaces: WorkspaceRead[];
  sources: SourceRead[];
  destinations: DestinationRead[];
  catalogs: SeedCatalog[];
  operations: OperationRead[];
  connections: StoredConnection[];
}

export function createSeedData(): SeedData {
  const catalogs = seedCatalogs();
  return {
    workspaces: seedWorkspaces(),
    sources: seedSources(),
    destinations: seedDestinations(),
    catalogs,
    operations: seedOperations(),
    connections: seedConnections(catalogs),
  };
}
