// What a route is: the operation it implements, its methods and request shape, and its handler.
import type { ObjectShape } from './validation/shapes';
import type { LocalAirbyteStore } from './store';

export type HttpMethod = 'GET' | 'POST';

export interface Route {
  /** The OpenAPI operationId. */
  operationId: string;
  methods: readonly HttpMethod[];
  /** The request body's model; undefined when the endpoint takes no body (an empty one is fine). */
  body?: ObjectShape;
  /** Reachable without credentials, like `/v1/health` behind Airbyte's proxy. */
  open?: boolean;
  handle(body: unknown, store: LocalAirbyteStore): unknown;
}

/** A POST endpoint whose body, once it passed `shape`, is handed over as `T`. */
export function post<T>(
  operationId: string,
  shape: ObjectShape,
  handle: (body: T, store: LocalAirbyteStore) => unknown,
): Route {
  return { operationId, methods: ['POST'], body: shape, handle: (body, store) => handle(body as T, store) };
}
