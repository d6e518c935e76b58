// A plan in words: plain text for terminals and logs, Markdown for a pull-request comment.
import { showJson } from './canonicalJson';
import type { ConnectionDiff, FieldChange } from './diff';
import type { Plan } from './lifecycle';
import type { NormalizedStream } from './normalize';
import type { ResetPrediction } from './resets';

export function hasChanges(plan: Plan): boolean {
  return plan.action !== 'none';
}

/** One line per change, e.g. `~ syncMode: "full_refresh" → "incremental"`. */
export function changeLines(diff: ConnectionDiff): string[] {
  const lines: string[] = [];
  for (const change of diff.settings) lines.push(`~ ${fieldLine(change)}`);
  for (const stream of diff.streamsAdded) lines.push(`+ stream ${stream.label} (${streamSummary(stream)})`);
  for (const stream of diff.streamsRemoved) lines.push(`- stream ${stream.label}`);
  for (const stream of diff.streamsChanged) {
    for (const change of stream.fields) lines.push(`~ stream ${stream.label}: ${fieldLine(change)}`);
  }
  for (const operation of diff.operationsAdded) lines.push(`+ ${operation}`);
  for (const operation of diff.operationsRemoved) lines.push(`- ${operation}`);
  return lines;
}

export function resetLine(resets: ResetPrediction): string | undefined {
  if (resets.streams.length === 0) return undefined;
  const why = resets.allStreams
    ? ` (the connection has no per-stream state yet — state type ${resets.stateType} — so Airbyte v0.44.3 resets every stream)`
    : '';
  return `Apply will RESET (clear and re-sync) ${resets.streams.length} stream(s): ${resets.streams.join(', ')}${why}.`;
}

export function renderPlanText(plan: Plan, fileLabel: string): string {
  const out: string[] = [];
  if (plan.action === 'create') {
    out.push(`${fileLabel}: no connection on ${plan.serverUrl} is managed by this file yet; apply will CREATE it.`);
    return `${out.join('\n')}\n`;
  }
  out.push(`${fileLabel}: connection “${plan.connectionName ?? ''}” (${plan.connectionId}) on ${plan.serverUrl}, ${linkWords(plan)}.`);
  if (plan.action === 'none' || !plan.diff) {
    out.push('No changes: the connection matches the file.');
    return `${out.join('\n')}\n`;
  }
  for (const line of changeLines(plan.diff)) out.push(`  ${line}`);
  const resets = resetLine(plan.resets);
  if (resets) out.push(resets);
  for (const blocker of plan.blockers) out.push(`Cannot apply: ${blocker}`);
  out.push(summary(plan.diff));
  return `${out.join('\n')}\n`;
}

export function renderPlanMarkdown(plan: Plan, fileLabel: string): string {
  const out: string[] = [`### Airbyte plan: \`${fileLabel}\``, ''];
  if (plan.action === 'create') {
    out.push(`No connection on \`${plan.serverUrl}\` is managed by this file yet: **apply will create it**.`);
    return `${out.join('\n')}\n`;
  }
  out.push(`Connection **${escapeMd(plan.connectionName ?? '')}** (\`${plan.connectionId}\`) on \`${plan.serverUrl}\`, ${linkWords(plan)}.`, '');
  if (plan.action === 'none' || !plan.diff) {
    out.push('No changes: the connection matches the file.');
    return `${out.join('\n')}\n`;
  }
  const { diff } = plan;
  if (diff.settings.length > 0) {
    out.push('| Setting | On the server | In the file |', '|---|---|---|');
    for (const c of diff.settings) out.push(`| \`${c.field}\` | ${cell(c.from)} | ${cell(c.to)} |`);
    out.push('');
  }
  const streamLines = [
    ...diff.streamsAdded.map((s) => `- ➕ \`${s.label}\` added (${streamSummary(s)})`),
    ...diff.streamsRemoved.map((s) => `- ➖ \`${s.label}\` removed`),
    ...diff.streamsChanged.map((s) => `- ✏️ \`${s.label}\`: ${s.fields.map((f) => `\`${f.field}\` ${cell(f.from)} → ${cell(f.to)}`).join('; ')}`),
    ...diff.operationsAdded.map((o) => `- ➕ ${o}`),
    ...diff.operationsRemoved.map((o) => `- ➖ ${o}`),
  ];
  if (streamLines.length > 0) out.push('**Streams and operations**', '', ...streamLines, '');
  const resets = resetLine(plan.resets);
  if (resets) out.push(`> [!WARNING]`, `> ${resets}`, '');
  for (const blocker of plan.blockers) out.push(`> [!CAUTION]`, `> Cannot apply: ${blocker}`, '');
  out.push(summary(diff));
  return `${out.join('\n')}\n`;
}

/** What the server did not keep after an apply, one line each. */
export function renderNotKept(diff: ConnectionDiff): string {
  return changeLines(diff)
    .map((line) => `  ${line.replace(/^~ /, '').replace(/^[+-] /, '')}`)
    .join('\n');
}

function linkWords(plan: Plan): string {
  return plan.linkedBy === 'state' ? 'linked by the state file' : 'found by name, source and destination';
}

function fieldLine(change: FieldChange): string {
  if (change.field === 'jsonSchema') {
    const removed = change.from as string[];
    const added = change.to as string[];
    return `schema fields ${[...added.map((f) => `+${f}`), ...removed.map((f) => `-${f}`)].join(' ')}`;
  }
  return `${change.field}: ${showJson(change.from)} → ${showJson(change.to)}`;
}

function streamSummary(stream: NormalizedStream): string {
  return `${String(stream.config.syncMode)} → ${String(stream.config.destinationSyncMode)}`;
}

function summary(diff: ConnectionDiff): string {
  const streams = diff.streamsAdded.length + diff.streamsRemoved.length + diff.streamsChanged.length;
  const operations = diff.operationsAdded.length + diff.operationsRemoved.length;
  return `${diff.settings.length} setting(s), ${streams} stream(s), ${operations} operation(s) to change.`;
}

function cell(value: unknown): string {
  return `\`${showJson(value).replace(/\|/g, '\\|')}\``;
}

function escapeMd(text: string): string {
  return text.replace(/([*_`[\]|])/g, '\\$1');
}
