// Sets keys in a VS Code settings.json, keeping the others (a person may have changed them).
//   node set-user-settings.mjs FILE '{"airbyte.serverUrl": "http://127.0.0.1:8000/api"}'
import * as fs from 'node:fs';
import * as path from 'node:path';

const [file, json] = process.argv.slice(2);
let settings = {};
if (fs.existsSync(file)) {
  try {
    settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    console.error(`${file} is not plain JSON (comments?); leaving it as it is. Set these yourself: ${json}`);
    process.exit(0);
  }
}
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify({ ...settings, ...JSON.parse(json) }, null, 2)}\n`);
