// Loopback ports: pick one that is free, and wait until a server answers on one.
import * as http from 'http';
import * as net from 'net';

/** `preferred` when it is free on 127.0.0.1, otherwise one the system hands out. */
export async function freePort(preferred = 0): Promise<number> {
  try {
    return await listenAndRelease(preferred);
  } catch {
    return listenAndRelease(0);
  }
}

function listenAndRelease(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * Resolves once `url` answers an HTTP request (any status), checking again after each refusal;
 * rejects after `timeoutMs`, or as soon as `gaveUp` settles (the server process exited).
 */
export async function waitForHttp(url: string, timeoutMs: number, gaveUp: Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  void gaveUp.then((how) => (exited = how));
  while (exited === undefined) {
    if (await answers(url)) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200)); // spacing between connection attempts
  }
  throw new Error(`the server exited (${exited}) before ${url} answered`);
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}
