// The JSON language service parses recursively: a file nested thousands of levels deep would
// overflow the stack. One cheap scan finds such files before any recursive work is done.
import { createScanner, SyntaxKind } from 'jsonc-parser';

/** Deeper than this the editor stops analysing (real connection files stay far below it). */
export const MAX_NESTING_DEPTH = 512;

export interface NestingReport {
  tooDeep: boolean;
  /** Offset of the bracket that crossed the limit. */
  offset: number;
}

export function checkNesting(text: string, limit = MAX_NESTING_DEPTH): NestingReport {
  // Fast path: a document with fewer brackets than the limit cannot exceed it.
  let brackets = 0;
  for (let i = 0; i < text.length && brackets <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) brackets++;
  }
  if (brackets <= limit) return { tooDeep: false, offset: 0 };

  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > limit) return { tooDeep: true, offset: scanner.getTokenOffset() };
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return { tooDeep: false, offset: 0 };
}
