// The command line of `preflight`: `quote [--input FILE]` or help, nothing else. Every mistake is
// a usage error naming what was wrong, so a script that passes two inputs or a typo learns it
// instead of having one of them ignored.
import { clipText } from '../core/errors';

export const USAGE = 'usage: preflight quote [--input scenario.json]   (JSON on stdin when --input is absent)';

export type ParsedArgs =
  { kind: 'help' } | { kind: 'quote'; inputFile: string | null } | { kind: 'usage-error'; why: string };

const quoted = (arg: string): string => JSON.stringify(clipText(arg));

export function parseArgs(args: readonly string[]): ParsedArgs {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
  if (command !== 'quote') return { kind: 'usage-error', why: `unknown command ${quoted(command ?? '')}` };
  let inputFile: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--input') {
      // Taking the first or the last of two would each be a silent guess at what was meant.
      if (inputFile !== null) return { kind: 'usage-error', why: '--input given more than once' };
      const file = rest[i + 1];
      if (file === undefined || file === '' || file.startsWith('--'))
        return { kind: 'usage-error', why: '--input needs a file name' };
      inputFile = file;
      i++;
    } else if (arg.startsWith('-')) {
      return { kind: 'usage-error', why: `unknown option ${quoted(arg)}` };
    } else {
      // A bare file name would otherwise leave the command waiting on stdin.
      return { kind: 'usage-error', why: `unexpected argument ${quoted(arg)} (use --input ${clipText(arg)})` };
    }
  }
  return { kind: 'quote', inputFile };
}
