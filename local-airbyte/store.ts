// Everything the server knows: the seeds plus what clients created. Lookups throw Airbyte's
// 404 (ConfigNotFound) so handlers can stay linear. Additions are saved before they become
// visible, so a response never reports something a restart would lose.
import type {
  AirbyteStream,
  DestinationRead,
  OperationRead,
  SourceRead,
  StoredConnection,
  WorkspaceRead,
} from './apiTypes';
import { configNotFound, nullPointer } from './errors';
import { emptyPersistedData, savePersistedData, type PersistedData } from './persistence';
import { createSeedData, type SeedCatalog } from './seed';

export class LocalAirbyteStore {
  private readonly workspaces: WorkspaceRead[];
  private readonly sources: SourceRead[];
  private readonly destinations: DestinationRead[];
  private readonly catalogs: SeedCatalog[];
  private readonly operations: OperationRead[];
  private readonly connections: StoredConnection[];
  private readonly created: PersistedData;
  private queue: Promise<void> = Promise.resolve();
  private readonly discoveries = new Map<string, number>();
  private readonly resets: { connectionId: string; streams: { name: string; namespace?: string }[] }[] = [];

  /** `dataFile` undefined: keep created things in memory only. */
  constructor(
    persisted: PersistedData = emptyPersistedData(),
    private readonly dataFile?: string,
    warn: (message: string) => void = () => {},
  ) {
    const seed = createSeedData();
    this.workspaces = seed.workspaces;
    this.sources = seed.sources;
    this.destinations = seed.destinations;
    this.catalogs = seed.catalogs;
    this.operations = [...seed.operations, ...persisted.operations];
    const usable = persisted.connections.filter((c) => this.refersToKnownActors(c));
    if (usable.length < persisted.connections.length) {
      warn(`local-airbyte: ignoring ${persisted.connections.length - usable.length} saved connection(s) whose source or destination no longer exists`);
    }
    this.connections = [...seed.connections, ...usable];
    this.created = { version: 1, connections: usable, operations: [...persisted.operations] };
  }

  listWorkspaces(): WorkspaceRead[] {
    return this.workspaces;
  }

  getWorkspace(workspaceId: string): WorkspaceRead {
    const found = this.workspaces.find((w) => w.workspaceId === workspaceId);
    if (!found) throw workspaceId == null ? nullPointer() : configNotFound('STANDARD_WORKSPACE', workspaceId);
    return found;
  }

  listSources(workspaceId: string): SourceRead[] {
    return this.sources.filter((s) => s.workspaceId === workspaceId);
  }

  getSource(sourceId: string): SourceRead {
    const found = this.sources.find((s) => s.sourceId === sourceId);
    if (!found) throw sourceId == null ? nullPointer() : configNotFound('SOURCE_CONNECTION', sourceId);
    return found;
  }

  listDestinations(workspaceId: string): DestinationRead[] {
    return this.destinations.filter((d) => d.workspaceId === workspaceId);
  }

  getDestination(destinationId: string): DestinationRead {
    const found = this.destinations.find((d) => d.destinationId === destinationId);
    if (!found) throw destinationId == null ? nullPointer() : configNotFound('DESTINATION_CONNECTION', destinationId);
    return found;
  }

  /**
   * Runs a source's discovery: its streams and catalog id, or the failure its job reports.
   * A source whose seed has a `changed` catalog discovers it from the second discovery on.
   */
  discover(sourceId: string): { catalogId?: string; streams: AirbyteStream[] } | { failure: { externalMessage: string; logLines: string[] } } {
    this.getSource(sourceId);
    const found = this.catalogs.find((c) => c.sourceId === sourceId);
    const count = (this.discoveries.get(sourceId) ?? 0) + 1;
    this.discoveries.set(sourceId, count);
    if (found?.failure) return { failure: structuredClone(found.failure) };
    const current = found?.changed && count > 1 ? found.changed : found;
    return { catalogId: current?.catalogId || undefined, streams: structuredClone(current?.streams ?? []) };
  }

  /** The discovered streams of a source and the id of that catalog. */
  getDiscoveredCatalog(sourceId: string): { catalogId?: string; streams: AirbyteStream[] } {
    this.getSource(sourceId);
    const found = this.catalogs.find((c) => c.sourceId === sourceId);
    return { catalogId: found?.catalogId, streams: structuredClone(found?.streams ?? []) };
  }

  getOperation(operationId: string): OperationRead {
    const found = this.operations.find((o) => o.operationId === operationId);
    if (!found) throw operationId == null ? nullPointer() : configNotFound('STANDARD_SYNC_OPERATION', operationId);
    return found;
  }

  listConnections(workspaceId: string): StoredConnection[] {
    return this.connections.filter((c) => this.getSource(c.sourceId).workspaceId === workspaceId);
  }

  getConnection(connectionId: string): StoredConnection {
    const found = this.connections.find((c) => c.connectionId === connectionId);
    if (!found) throw connectionId == null ? nullPointer() : configNotFound('STANDARD_SYNC', connectionId);
    return found;
  }

  /** Saves a new connection (and the operations created with it), then makes them visible. */
  addConnection(connection: StoredConnection, newOperations: OperationRead[] = []): Promise<void> {
    return this.oneAtATime(async () => {
      const next: PersistedData = {
        version: 1,
        connections: [...this.created.connections, connection],
        operations: [...this.created.operations, ...newOperations],
      };
      if (this.dataFile) await savePersistedData(this.dataFile, next);
      this.created.connections = next.connections;
      this.created.operations = next.operations;
      this.operations.push(...newOperations);
      this.connections.push(connection);
    });
  }

  /** Every operation, attached or not (tests look for operations left behind). */
  listOperationsForTests(): readonly OperationRead[] {
    return this.operations;
  }

  /** Saves operations on their own: v0.44.3 creates them before the connection, which may then fail. */
  addOperations(newOperations: OperationRead[]): Promise<void> {
    return this.oneAtATime(async () => {
      const next: PersistedData = { ...this.created, operations: [...this.created.operations, ...newOperations] };
      if (this.dataFile) await savePersistedData(this.dataFile, next);
      this.created.operations = next.operations;
      this.operations.push(...newOperations);
    });
  }

  /**
   * Replaces a connection after an update, with the operations the update created or changed.
   * Seeded connections are updated in memory only (the data file keeps what clients created).
   */
  replaceConnection(connection: StoredConnection, changedOperations: OperationRead[] = []): Promise<void> {
    return this.oneAtATime(async () => {
      const replaceById = <T extends { operationId: string }>(list: T[], op: T) => {
        const at = list.findIndex((o) => o.operationId === op.operationId);
        return at >= 0 ? list.map((o, i) => (i === at ? op : o)) : [...list, op];
      };
      let operations = this.created.operations;
      for (const op of changedOperations) operations = replaceById(operations, op);
      const connections = this.created.connections.some((c) => c.connectionId === connection.connectionId)
        ? this.created.connections.map((c) => (c.connectionId === connection.connectionId ? connection : c))
        : this.created.connections;
      const next: PersistedData = { version: 1, connections, operations };
      if (this.dataFile) await savePersistedData(this.dataFile, next);
      this.created.connections = next.connections;
      this.created.operations = next.operations;
      for (const op of changedOperations) {
        const at = this.operations.findIndex((o) => o.operationId === op.operationId);
        if (at >= 0) this.operations[at] = op;
        else this.operations.push(op);
      }
      const at = this.connections.findIndex((c) => c.connectionId === connection.connectionId);
      this.connections[at] = connection;
    });
  }

  /** Records a reset job, as Airbyte's event runner would start one. */
  recordReset(connectionId: string, streams: { name: string; namespace?: string }[]): void {
    this.resets.push({ connectionId, streams: streams.map((s) => ({ ...s })) });
  }

  /** The reset jobs started for a connection, oldest first (tests read these). */
  resetsOf(connectionId: string): { name: string; namespace?: string }[][] {
    return this.resets.filter((r) => r.connectionId === connectionId).map((r) => r.streams);
  }

  // Changes run one after another, so concurrent creates never save over each other.
  private oneAtATime(change: () => Promise<void>): Promise<void> {
    const run = this.queue.then(change);
    this.queue = run.catch(() => {});
    return run;
  }

  private refersToKnownActors(connection: StoredConnection): boolean {
    return (
      this.sources.some((s) => s.sourceId === connection.sourceId) &&
      this.destinations.some((d) => d.destinationId === connection.destinationId)
    );
  }
}
