// An HTTP front with a URL of its own that forwards every request to a target Airbyte, so a
// suite can see requests as they arrive (count them, act while one is in flight) or hold them
// unanswered. The target can change while the URL stays: one "server" throughout a test.
import * as http from 'http';

export interface ForwardingFront {
  url: string;
  /** Forward to `target` from now on; `onRequest` replaces the one given at start. */
  retarget(target: string, onRequest?: (path: string) => 'forward' | 'hold'): void;
  close(): Promise<void>;
}

/** `onRequest` sees each request's path before it is forwarded; `'hold'` leaves it unanswered. */
export async function startForwardingFront(target: string, onRequest: (path: string) => 'forward' | 'hold' = () => 'forward'): Promise<ForwardingFront> {
  let upstream = new URL(target);
  let see = onRequest;
  const server = http.createServer((req, res) => {
    if (see(req.url ?? '') === 'hold') return;
    const forwarded = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    res.on('close', () => forwarded.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api`,
    retarget: (next, nextOnRequest) => {
      upstream = new URL(next);
      if (nextOnRequest) see = nextOnRequest;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
