// The real entry points (`npx hatrack`, `npm run hatrack`) run the command line and report its exit code.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '../../..');
const run = promisify(execFile);

async function hatrack(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [program = '', ...head] = command.split(' ');
  const executable = program === 'node' ? process.execPath : join(root, 'node_modules/.bin', program);
  try {
    const { stdout, stderr } = await run(executable, [...head, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('hatrack entry points', () => {
  it('the npm script and the bin both run the CLI (the script once ran a module that only exported main)', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    for (const command of [pkg.scripts['hatrack'] ?? '', `node ${pkg.bin['hatrack'] ?? ''}`]) {
      const result = await hatrack(command, ['log', 'stats', '--log', join(root, 'no-such-log.jsonl')]);
      expect(result, command).toMatchObject({ code: 1, stderr: `hatrack log: no log file at ${join(root, 'no-such-log.jsonl')}: it does not exist\n` });
    }
  }, 60_000);
});
