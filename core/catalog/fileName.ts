// `<source>-to-<destination>.connection.json`, slugged, never the name of an existing file.

/** Lower-case ASCII letters, digits and single dashes; accents dropped; never empty. */
export function slug(text: string, fallback = 'connection'): string {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slugged = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slugged || fallback;
}

export function connectionFileBaseName(sourceName: string, destinationName: string): string {
  return `${slug(sourceName, 'source')}-to-${slug(destinationName, 'destination')}`;
}

/** The first of `base.connection.json`, `base-2.connection.json`, … that `exists` says is free. */
export async function freeConnectionFileName(base: string, exists: (fileName: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = `${base}${n === 1 ? '' : `-${n}`}.connection.json`;
    if (!(await exists(candidate))) return candidate;
  }
}
