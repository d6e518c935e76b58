// What a command may touch of the outside world, so each can be run and tested as a whole.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Asks on the terminal; undefined when there is none (then nothing is confirmed). */
  ask?: (question: string) => Promise<string>;
}
