// Turns an HTTP request into a route call: auth (as the proxy does it, before anything else),
// 404/405, body parsing and validation, then the handler; ApiErrors become their responses.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, invalidInput, knownException, unreadableJson } from './errors';
import { hasValidCredentials, sendUnauthorized, type BasicCredentials } from './http/basicAuth';
import { isAllowedHost, sendInvalidHost } from './http/hostCheck';
import { readBody } from './http/readBody';
import { sendJson } from './http/respond';
import type { Route } from './route';
import { findRoute } from './routes';
import type { LocalAirbyteStore } from './store';
import { checkShape } from './validation/checkShape';

export interface RouterOptions {
  store: LocalAirbyteStore;
  /** false: no authentication at all. */
  auth: BasicCredentials | false;
  /** Artificial delay before each request is answered (timeout and cancel tests). */
  latencyMs?: number;
  /** Aborted when the server closes, so delayed requests stop waiting. */
  closing: AbortSignal;
  /** Host names besides IP literals and localhost that requests may name (DNS rebinding guard). */
  allowedHosts?: readonly string[];
}

export function createRouter(options: RouterOptions): RequestListener {
  return (request, response) => {
    handleRequest(request, response, options).catch((error: unknown) => {
      if (options.closing.aborted) {
        response.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      sendJson(response, 500, { message: `Internal Server Error: ${message}`, exceptionStack: [] });
    });
  };
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, options: RouterOptions): Promise<void> {
  if (!isAllowedHost(request, options.allowedHosts)) {
    sendInvalidHost(response);
    return;
  }
  if (options.latencyMs) await sleep(options.latencyMs, undefined, { signal: options.closing });
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  const route = findRoute(pathname);
  if (options.auth && !route?.open && !hasValidCredentials(request.headers.authorization, options.auth)) {
    sendUnauthorized(response);
    return;
  }
  try {
    if (!route) throw knownException(404, `Not Found: ${request.method} ${pathname}`);
    if (!route.methods.includes(request.method as Route['methods'][number])) {
      throw new ApiError(405, { message: `Method Not Allowed: ${request.method} ${pathname}` }, { Allow: route.methods.join(', ') });
    }
    const body = await readValidBody(request, route);
    sendJson(response, 200, await route.handle(body, options.store));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sendJson(response, error.status, error.body, error.headers);
  }
}

async function readValidBody(request: IncomingMessage, route: Route): Promise<unknown> {
  const text = await readBody(request);
  if (!route.body) return undefined;
  const argument = `${route.operationId}.arg0`;
  let body: unknown = null;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw unreadableJson((error as Error).message);
    }
  }
  if (body === null) throw invalidInput([{ propertyPath: argument, invalidValue: 'null', message: 'must not be null' }]);
  const violations = checkShape(body, route.body, argument);
  if (violations.length > 0) throw invalidInput(violations);
  return body;
}
