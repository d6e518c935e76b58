// Help texts: one per command, printed by `--help` and after a usage error.

export const SERVER_OPTIONS = `Server options (flags win over environment variables):
  --server-url URL        Airbyte API base URL, up to /api      [AIRBYTE_SERVER_URL, default http://localhost:8000/api]
  --authentication KIND   basic | bearer | none                 [AIRBYTE_AUTHENTICATION, default basic]
  --username NAME         user for basic auth                   [AIRBYTE_USERNAME, default airbyte]
  --password PASSWORD     password for basic auth               [AIRBYTE_PASSWORD, default Airbyte's local "password"]
  --token TOKEN           bearer token                          [AIRBYTE_TOKEN]
  --timeout SECONDS       per request                           [default 60]
  --verbose               log every request and answer to stderr (credentials redacted)
Prefer the environment variables for secrets: flags show in the process list. Secrets are never printed.`;

export const MAIN_HELP = `airbyte-connection — Airbyte v0.44.3 connections as code (*.connection.json)

Usage:
  airbyte-connection validate FILE|GLOB… [--format text|json|github|sarif] [--strict]
  airbyte-connection plan FILE [--format text|markdown]
  airbyte-connection apply FILE [--yes] [--dry-run]
  airbyte-connection export CONNECTION_ID [-o FILE]
  airbyte-connection COMMAND --help

Which connection a file manages: the id recorded for the server in FILE's state file
(<name>.connection.state.json, written on create, meant to be committed), else the one connection
with the same name, source and destination on the server.
`;

export const HELP: Record<string, string> = {
  validate: `Usage: airbyte-connection validate FILE|GLOB… [options]

Checks connection files with the editor's own diagnostics (no server needed) and prints them as
file:line:col: severity: message.

Options:
  --format FORMAT   text (default) | json | github (workflow commands) | sarif (SARIF 2.1.0)
  --strict          also fail on warnings
  -h, --help        this help

Exit code: 0 no errors, 1 errors (or warnings with --strict) or a usage problem.
`,
  plan: `Usage: airbyte-connection plan FILE [options]

Shows what apply would change on the server: settings, streams added, removed and changed, and
which streams Airbyte v0.44.3 would reset.

Options:
  --format FORMAT   text (default) | markdown (for a pull-request comment)
  -h, --help        this help

${SERVER_OPTIONS}

Exit code: 0 no change, 2 changes, 1 failure.
`,
  apply: `Usage: airbyte-connection apply FILE [options]

Creates the connection when FILE manages none on the server yet, else updates it (never a second
create), after showing the plan and asking. Then reads it back and reports what the server did not
keep. Writes FILE's state file after a create.

Options:
  --yes         apply without asking (needed without a terminal, e.g. in CI)
  --dry-run     print the request that would be sent, send nothing
  -h, --help    this help

${SERVER_OPTIONS}

Exit code: 0 applied (or nothing to do), 1 failure, declined or not confirmed.
`,
  export: `Usage: airbyte-connection export CONNECTION_ID [options]

Writes a minimal connection file for an existing connection (standard output without -o). With
-o, also writes the state file beside it, so that plan shows no change.

Options:
  -o, --output FILE   write to FILE (should end in .connection.json)
  -h, --help          this help

${SERVER_OPTIONS}

Exit code: 0 written, 1 failure.
`,
};
