// The transport named on the command line, read by SlicedMessageReader for the stream transports
// (stdio, socket, pipe). node-ipc delivers messages already parsed by Node: undefined, and
// vscode-languageserver sets it up as usual.
import * as net from 'node:net';
import type { Readable } from 'node:stream';
import { StreamMessageWriter, type MessageWriter } from 'vscode-jsonrpc/node';
import { SlicedMessageReader, type SlicedMessageReaderOptions } from './slicedMessageReader';

export interface StreamTransport {
  reader: SlicedMessageReader;
  writer: MessageWriter;
}

/** The value of `--name=value` or `--name value`. */
function argument(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) return args[i + 1];
    if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
  }
  return undefined;
}

export function streamTransport(args: string[], options: SlicedMessageReaderOptions): StreamTransport | undefined {
  let input: Readable;
  let output: NodeJS.WritableStream;
  if (args.includes('--node-ipc')) return undefined;
  if (args.includes('--stdio')) {
    const reader = new SlicedMessageReader(process.stdin, options);
    exitWhenInputEnds(process.stdin, reader);
    return { reader, writer: new StreamMessageWriter(process.stdout) };
  } else {
    const port = Number(argument(args, '--socket'));
    const pipe = argument(args, '--pipe');
    if (port) input = output = net.createConnection(port, '127.0.0.1');
    else if (pipe) input = output = net.createConnection(pipe);
    else return undefined;
  }
  return { reader: new SlicedMessageReader(input, options), writer: new StreamMessageWriter(output) };
}

/** As vscode-languageserver does for stdio: the client went away, exit (0 after a shutdown request). */
function exitWhenInputEnds(input: Readable, reader: SlicedMessageReader): void {
  let shutdown = false;
  const listen = reader.listen.bind(reader);
  reader.listen = (callback) =>
    listen((message) => {
      if ((message as { method?: unknown }).method === 'shutdown') shutdown = true;
      callback(message);
    });
  const exit = () => process.exit(shutdown ? 0 : 1);
  input.on('end', exit);
  input.on('close', exit);
}
