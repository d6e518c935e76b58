// Prints the preferred port when it is free on 127.0.0.1, otherwise one the system hands out.
//   node free-port.mjs [preferred]
import * as net from 'node:net';

const listenAndRelease = (port) =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });

const preferred = Number(process.argv[2] ?? 0);
console.log(await listenAndRelease(preferred).catch(() => listenAndRelease(0)));
