// The lifecycle of a connection file (state file, link, plan, apply, export), editor-free.
export { canonical, sameJson, showJson } from './canonicalJson';
export { diffConnections, isEmptyDiff, type ConnectionDiff, type FieldChange, type StreamChange } from './diff';
export { exportConnectionFile, formatConnectionFile } from './exportFile';
export {
  applyPlan,
  diffTexts,
  exportConnection,
  planConnection,
  updateRequestFor,
  type ApplyOutcome,
  type ExportResult,
  type LifecycleTarget,
  type Plan,
} from './lifecycle';
export { resolveLink, type Link } from './link';
export { normalizeFile, normalizeLive, type NormalizedConnection } from './normalize';
export { changeLines, hasChanges, renderNotKept, renderPlanMarkdown, renderPlanText, resetLine } from './render';
export { predictResets, type ResetPrediction } from './resets';
export {
  formatState,
  linkedConnectionId,
  parseState,
  readStateFile,
  stateFilePath,
  writeStateEntry,
  type ConnectionState,
} from './stateFile';
