// Key order never matters to Airbyte: values are compared and printed with sorted keys.

export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Compact, key-sorted JSON for messages; `undefined` shows as “(none)”. */
export function showJson(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(canonical(value));
}
