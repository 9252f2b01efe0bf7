// The `hatrack` command line: check a HAR against the platform rules, and work with the response-time log.
import { Command, CommanderError } from 'commander';
import { registerCheckHar } from './check-har.ts';
import { registerLog } from './log-command.ts';

/** Runs the CLI with `argv` (without node and script) and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('hatrack')
    .description('Hatrack command line')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerCheckHar(program);
  registerLog(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`hatrack: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
