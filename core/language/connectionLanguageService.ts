// The JSON language service, configured once for connection files: the bundled schema for
// every document it is given (the caller decides which documents those are), nothing fetched.
import { getLanguageService, type ClientCapabilities, type JSONWorkerContribution, type LanguageService } from 'vscode-json-languageservice';
import { CONNECTION_SCHEMA_URI, connectionSchema } from '../schema/connectionSchema';
import { scheduleContribution } from './scheduleContribution';

export interface ConnectionLanguageServiceOptions {
  contributions?: JSONWorkerContribution[];
  clientCapabilities?: ClientCapabilities;
}

export function createConnectionLanguageService(options: ConnectionLanguageServiceOptions = {}): LanguageService {
  const service = getLanguageService({
    contributions: [scheduleContribution, ...(options.contributions ?? [])],
    clientCapabilities: options.clientCapabilities,
    schemaRequestService: (uri) => Promise.reject(new Error(`Schemas are bundled; refusing to fetch ${uri}`)),
  });
  service.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: CONNECTION_SCHEMA_URI, fileMatch: ['*'], schema: connectionSchema }],
  });
  return service;
}
