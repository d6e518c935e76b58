// Turns an HTTP request into a route call: auth (as the proxy does it, before anything else),
// 404/405, body parsing and validation, then the handler; ApiErrors become their responses.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, micronautError } from './errors';
import { hasValidCredentials, sendUnauthorized, type BasicCredentials } from './http/basicAuth';
import { isAllowedHost, sendInvalidHost } from './http/hostCheck';
import { readBody } from './http/readBody';
import { sendJson } from './http/respond';
import type { Route } from './route';
import { findRoute } from './routes';
import type { LocalAirbyteStore } from './store';
import { ConversionFailure, convertBody } from './validation/convertBody';
import { argumentName } from './validation/shapes';

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
      sendJson(response, 500, { message: `Internal Server Error: ${message}`, exceptionClassName: 'java.lang.RuntimeException', exceptionStack: [] });
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
    if (!route) throw micronautError(404, 'Not Found', pathname, 'Page Not Found');
    if (!route.methods.includes(request.method as Route['methods'][number])) {
      const notAllowed = micronautError(405, 'Method Not Allowed', pathname, `Method [${request.method}] not allowed for URI [${pathname}]. Allowed methods: [${route.methods.join(', ')}]`);
      throw new ApiError(405, notAllowed.body, { Allow: route.methods.join(', ') });
    }
    const body = await readValidBody(request, route, pathname);
    sendJson(response, 200, await route.handle(body, options.store));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sendJson(response, error.status, error.body, error.headers);
  }
}

// Micronaut binds the body with Jackson (no bean validation): what it cannot read is a 400.
async function readValidBody(request: IncomingMessage, route: Route, href: string): Promise<unknown> {
  const text = await readBody(request, href);
  if (!route.body) return undefined;
  const argument = argumentName(route.body);
  const badRequest = (message: string) => micronautError(400, 'Bad Request', href, message, `/${argument}`);
  let body: unknown = null;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw micronautError(400, 'Bad Request', href, `Invalid JSON: ${(error as Error).message}`);
    }
  }
  if (body === null) throw badRequest(`Required Body [${argument}] not specified`);
  try {
    return convertBody(body, route.body, route.body.javaType);
  } catch (error) {
    if (!(error instanceof ConversionFailure)) throw error;
    throw badRequest(`Failed to convert argument [${argument}] for value [null] due to: ${error.message}`);
  }
}
