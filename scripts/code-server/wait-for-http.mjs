// Exits 0 once URL answers an HTTP request (any status), 1 after TIMEOUT seconds or when the
// process PID (the server being waited for) is gone.
//   node wait-for-http.mjs URL TIMEOUT_SECONDS [PID]
import * as http from 'node:http';

const [url, timeoutSeconds = '60', pid] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutSeconds) * 1000;

const answers = () =>
  new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });

const alive = () => {
  if (!pid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};

while (!(await answers())) {
  if (!alive()) {
    console.error(`the server (pid ${pid}) exited before ${url} answered`);
    process.exit(1);
  }
  if (Date.now() > deadline) {
    console.error(`${url} did not answer within ${timeoutSeconds} s`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 200)); // spacing between connection attempts
}
