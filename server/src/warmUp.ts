// The first completion and hover of a session run code V8 has not compiled yet: about 5 ms cold
// against 0.2 ms warm, more while a large file arrives beside them. So once the server is
// initialized and idle, one completion and one hover run on a small document, with a service of
// their own (no Airbyte server is asked, no state is shared), to compile that code before a
// user's first request.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';

const SAMPLE = '{\n  "sourceId": "",\n  "status": "active",\n  \n}';

export async function warmUp(): Promise<void> {
  const service = createConnectionLanguageService();
  const document = TextDocument.create('file:///warm-up.connection.json', 'airbyte-connection', 0, SAMPLE);
  const json = service.parseJSONDocument(document);
  await service.doComplete(document, { line: 3, character: 2 }, json);
  await service.doHover(document, { line: 2, character: 5 }, json);
}
