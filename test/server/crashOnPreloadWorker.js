// The built validation worker, except that its thread stops as soon as it is handed a text
// for a URI containing "crash-worker": a worker lost between a preload and the open.
const path = require('node:path');
const { parentPort } = require('node:worker_threads');

parentPort.on('message', (message) => {
  if (message.kind === 'preload' && message.uri.includes('crash-worker')) process.exit(1);
});
require(path.resolve(__dirname, '../../dist/validationWorker.js'));
