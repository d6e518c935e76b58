// Which documents the language server analyses. The standalone server serves every document
// whose URI ends in `.connection.json`, whatever language id the editor sends.
export const CONNECTION_LANGUAGE_ID = 'airbyte-connection';

export function isConnectionDocument(uri: string, languageId?: string): boolean {
  const path = uri.split(/[?#]/)[0].toLowerCase();
  return path.endsWith('.connection.json') || languageId === CONNECTION_LANGUAGE_ID;
}
