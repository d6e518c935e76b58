// The Airbyte Configuration API (v0.44.3) calls the project needs. Every method resolves to
// a result; only programming errors throw.
import { requestAirbyte, type ApiCall } from './request';
import type {
  AirbyteClientConfig,
  ApiResult,
  DestinationDefinitionSpecificationRead,
  DestinationRead,
  DiscoveredSchema,
  HealthCheckRead,
  OperationRead,
  RequestOptions,
  SourceRead,
  WebBackendConnectionListItem,
  WebBackendConnectionRead,
  WorkspaceRead,
} from './types';

export class AirbyteClient {
  constructor(private readonly config: AirbyteClientConfig) {}

  /**
   * `POST /v1/web_backend/connections/create` with a WebBackendConnectionCreate body. With
   * `bodyText` (the file's exact text, whose value is `body`), that text is what is sent.
   */
  async createConnection(body: unknown, options: RequestOptions = {}, bodyText?: string): Promise<ApiResult<WebBackendConnectionRead>> {
    const result = await this.call({ method: 'POST', path: '/v1/web_backend/connections/create', body, bodyText }, options);
    if (!result.ok) return result;
    const read = result.value as Partial<WebBackendConnectionRead> | null;
    if (!read || typeof read !== 'object' || typeof read.connectionId !== 'string') {
      return this.unexpected('the created connection has no connectionId');
    }
    return { ok: true, value: read as WebBackendConnectionRead };
  }

  /** `GET /v1/health` (unauthenticated on a real Airbyte). */
  async health(options: RequestOptions = {}): Promise<ApiResult<HealthCheckRead>> {
    const result = await this.call({ method: 'GET', path: '/v1/health' }, options);
    if (!result.ok) return result;
    const available = (result.value as { available?: unknown } | null)?.available;
    if (typeof available !== 'boolean') return this.unexpected('the health check has no “available” flag');
    return { ok: true, value: { available } };
  }

  listWorkspaces(options: RequestOptions = {}): Promise<ApiResult<WorkspaceRead[]>> {
    return this.list<WorkspaceRead>({ method: 'POST', path: '/v1/workspaces/list', body: {} }, 'workspaces', options);
  }

  listSources(workspaceId: string, options: RequestOptions = {}): Promise<ApiResult<SourceRead[]>> {
    return this.list<SourceRead>({ method: 'POST', path: '/v1/sources/list', body: { workspaceId } }, 'sources', options);
  }

  listDestinations(workspaceId: string, options: RequestOptions = {}): Promise<ApiResult<DestinationRead[]>> {
    return this.list<DestinationRead>(
      { method: 'POST', path: '/v1/destinations/list', body: { workspaceId } },
      'destinations',
      options,
    );
  }

  /** v0.44.3 lists operations per connection only (`ConnectionIdRequestBody`). */
  listOperations(connectionId: string, options: RequestOptions = {}): Promise<ApiResult<OperationRead[]>> {
    return this.list<OperationRead>(
      { method: 'POST', path: '/v1/operations/list', body: { connectionId } },
      'operations',
      options,
    );
  }

  /** `POST /v1/web_backend/connections/get`: the connection with its catalog and operations. */
  getConnection(connectionId: string, options: RequestOptions = {}): Promise<ApiResult<WebBackendConnectionRead>> {
    return this.connectionRead({ method: 'POST', path: '/v1/web_backend/connections/get', body: { connectionId } }, 'the connection', options);
  }

  /** `POST /v1/web_backend/connections/update`: a patch; absent fields stay as they are. */
  updateConnection(body: { connectionId: string } & Record<string, unknown>, options: RequestOptions = {}): Promise<ApiResult<WebBackendConnectionRead>> {
    return this.connectionRead({ method: 'POST', path: '/v1/web_backend/connections/update', body }, 'the updated connection', options);
  }

  /** `POST /v1/web_backend/connections/list`, optionally narrowed to sources and destinations. */
  listConnections(
    workspaceId: string,
    filter: { sourceId?: string[]; destinationId?: string[] } = {},
    options: RequestOptions = {},
  ): Promise<ApiResult<WebBackendConnectionListItem[]>> {
    return this.list<WebBackendConnectionListItem>(
      { method: 'POST', path: '/v1/web_backend/connections/list', body: { workspaceId, ...filter } },
      'connections',
      options,
    );
  }

  getSource(sourceId: string, options: RequestOptions = {}): Promise<ApiResult<SourceRead>> {
    return this.read<SourceRead>('/v1/sources/get', { sourceId }, 'workspaceId', 'the source', options);
  }

  getOperation(operationId: string, options: RequestOptions = {}): Promise<ApiResult<OperationRead>> {
    return this.read<OperationRead>('/v1/operations/get', { operationId }, 'operationId', 'the operation', options);
  }

  /** One object read by `path`, accepted when its `key` is a string (what the caller relies on). */
  private async read<T>(path: string, body: Record<string, unknown>, key: keyof T & string, what: string, options: RequestOptions): Promise<ApiResult<T>> {
    const result = await this.call({ method: 'POST', path, body }, options);
    if (!result.ok) return result;
    const read = result.value as Record<string, unknown> | null;
    if (!read || typeof read[key] !== 'string') return this.unexpected(`${what} has no ${key}`);
    return { ok: true, value: read as T };
  }

  /** `POST /v1/web_backend/state/get_type`: `global`, `stream`, `legacy` or `not_set`. */
  async getStateType(connectionId: string, options: RequestOptions = {}): Promise<ApiResult<string>> {
    const result = await this.call({ method: 'POST', path: '/v1/web_backend/state/get_type', body: { connectionId } }, options);
    if (!result.ok) return result;
    if (typeof result.value !== 'string') return this.unexpected('the state type is not a string');
    return { ok: true, value: result.value };
  }

  private async connectionRead(call: ApiCall, what: string, options: RequestOptions): Promise<ApiResult<WebBackendConnectionRead>> {
    const result = await this.call(call, options);
    if (!result.ok) return result;
    const read = result.value as Partial<WebBackendConnectionRead> | null;
    if (!read || typeof read !== 'object' || typeof read.connectionId !== 'string') {
      return this.unexpected(`${what} has no connectionId`);
    }
    return { ok: true, value: read as WebBackendConnectionRead };
  }

  getDestination(destinationId: string, options: RequestOptions = {}): Promise<ApiResult<DestinationRead>> {
    return this.single<DestinationRead>(
      { method: 'POST', path: '/v1/destinations/get', body: { destinationId } },
      'destinationId',
      options,
    );
  }

  /** Which destination sync modes the destination's connector supports. */
  getDestinationDefinitionSpecification(
    destinationDefinitionId: string,
    workspaceId: string,
    options: RequestOptions = {},
  ): Promise<ApiResult<DestinationDefinitionSpecificationRead>> {
    return this.single<DestinationDefinitionSpecificationRead>(
      { method: 'POST', path: '/v1/destination_definition_specifications/get', body: { destinationDefinitionId, workspaceId } },
      'destinationDefinitionId',
      options,
    );
  }

  /**
   * `POST /v1/sources/discover_schema`. Runs the source's discover job, which can take minutes:
   * callers give this client a timeout of its own. A job that ran and failed is answered with
   * 200 and `jobInfo.succeeded: false`; that is a `discoverFailed` error carrying the job's
   * failure reason and last log lines.
   */
  async discoverSchema(sourceId: string, options: RequestOptions = {}): Promise<ApiResult<DiscoveredSchema>> {
    const result = await this.call(
      { method: 'POST', path: '/v1/sources/discover_schema', body: { sourceId, disable_cache: true } },
      options,
    );
    if (!result.ok) return result;
    const read = result.value as {
      catalog?: { streams?: unknown };
      catalogId?: unknown;
      jobInfo?: { id?: unknown; succeeded?: unknown; failureReason?: { externalMessage?: unknown }; logs?: { logLines?: unknown } };
    } | null;
    if (!read || typeof read !== 'object' || !read.jobInfo || typeof read.jobInfo.succeeded !== 'boolean') {
      return this.unexpected('the discovery has no job information');
    }
    if (!read.jobInfo.succeeded) {
      const reason = typeof read.jobInfo.failureReason?.externalMessage === 'string' ? read.jobInfo.failureReason.externalMessage : undefined;
      const lines = Array.isArray(read.jobInfo.logs?.logLines) ? read.jobInfo.logs.logLines.filter((l): l is string => typeof l === 'string') : [];
      // The connector's own error lines say why (expired token, unreachable host); else the last line.
      const errors = lines.filter((l) => /\bERROR\b/.test(l)).slice(0, 2);
      const logged = (errors.length ? errors : lines.slice(-1)).join(' | ');
      const message = `The source's discover job failed${reason ? `: ${reason}` : '.'}${logged ? ` Log: ${logged}` : ''}`;
      this.config.log?.(`✗ discoverFailed: ${message}`);
      return {
        ok: false,
        error: {
          kind: 'discoverFailed',
          status: 200,
          message,
          hint: 'Check the source (its credentials, network access, permissions) in Airbyte; the log has the job\'s last log lines.',
        },
      };
    }
    const streams = read.catalog?.streams;
    if (!Array.isArray(streams) || !streams.every((s) => s && typeof s === 'object' && typeof (s as { stream?: { name?: unknown } }).stream?.name === 'string')) {
      return this.unexpected('the discovered catalog has no streams list');
    }
    return {
      ok: true,
      value: {
        catalog: { streams: streams as DiscoveredSchema['catalog']['streams'] },
        catalogId: typeof read.catalogId === 'string' ? read.catalogId : undefined,
        jobId: typeof read.jobInfo.id === 'string' ? read.jobInfo.id : undefined,
      },
    };
  }

  private async single<T>(call: ApiCall, idField: string, options: RequestOptions): Promise<ApiResult<T>> {
    const result = await this.call(call, options);
    if (!result.ok) return result;
    const value = result.value as Record<string, unknown> | null;
    if (!value || typeof value !== 'object' || typeof value[idField] !== 'string') return this.unexpected(`the answer has no “${idField}”`);
    return { ok: true, value: value as T };
  }

  private call(call: ApiCall, options: RequestOptions): Promise<ApiResult<unknown>> {
    return requestAirbyte(this.config, call, options);
  }

  private async list<T>(call: ApiCall, field: string, options: RequestOptions): Promise<ApiResult<T[]>> {
    const result = await this.call(call, options);
    if (!result.ok) return result;
    const items = (result.value as Record<string, unknown> | null)?.[field];
    if (!Array.isArray(items)) return this.unexpected(`the answer has no “${field}” list`);
    return { ok: true, value: items as T[] };
  }

  private unexpected(what: string): ApiResult<never> {
    const message = `Airbyte answered, but ${what}.`;
    this.config.log?.(`✗ unexpectedResponse: ${message}`);
    return {
      ok: false,
      error: {
        kind: 'unexpectedResponse',
        message,
        hint: 'Check that the server is Airbyte (v0.44 API) and that the server URL ends in /api; the log has the full answer.',
      },
    };
  }
}
