// `preflight quote`: the engine on the command line, exactly as ../shared/contracts/quote-cli.md.
// JSON on stdin (or --input FILE), one object or an array; JSON on stdout; exit 2 with a
// JSON error for bad input and one human line on stderr; never a stack trace.
import { readFile } from 'node:fs/promises';
import type { InputErrorCode } from '../core/errors';
import { quoteJson, type QuoteResult } from '../core/quote';
import { bundledFacts } from '../venues/facts';

const MAX_INPUT_BYTES = 10 * 1024 * 1024;
const USAGE = 'usage: preflight quote [--input scenario.json]   (JSON on stdin when --input is absent)';

interface CliIo {
  stdin: () => Promise<string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

type ErrorResult = Extract<QuoteResult, { error: unknown }>;

function errorResult(code: InputErrorCode, message: string, path = ''): ErrorResult {
  return { error: { code, message, path } };
}

function isError(result: QuoteResult): result is ErrorResult {
  return 'error' in result;
}

async function readInput(args: string[], io: CliIo): Promise<string> {
  const at = args.indexOf('--input');
  if (at === -1) return io.stdin();
  const file = args[at + 1];
  if (!file) throw new UsageError('--input needs a file name');
  try {
    // A byte-order mark (Windows editors) is not part of the JSON.
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`cannot read --input ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

class UsageError extends Error {}

/** Runs the CLI; returns the exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  // Anything but "--input FILE" is a mistake; a bare file name would otherwise wait on stdin.
  const stray = rest.find((arg, i) => arg !== '--input' && rest[i - 1] !== '--input');
  if (command !== 'quote' || stray !== undefined) {
    const why = command !== 'quote'
      ? `unknown command ${JSON.stringify(command ?? '')}`
      : stray!.startsWith('-') ? `unknown option ${stray}` : `unexpected argument ${JSON.stringify(stray)} (use --input ${stray})`;
    io.stdout(`${JSON.stringify(errorResult('USAGE', `${why}; ${USAGE}`))}\n`);
    io.stderr(`preflight: ${why}\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readInput(rest, io);
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `cannot read stdin: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
    io.stdout(`${JSON.stringify(errorResult('USAGE', message))}\n`);
    io.stderr(`preflight: ${message}\n`);
    return 2;
  }
  const { output, failures } = quoteText(text);
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  if (failures.length === 0) return 0;
  for (const line of failures.slice(0, 5)) io.stderr(`preflight: ${line}\n`);
  if (failures.length > 5) io.stderr(`preflight: … and ${failures.length - 5} more invalid scenario(s)\n`);
  return 2;
}

/** Parses the whole input text and quotes each scenario; failures are human lines. */
export function quoteText(text: string): { output: QuoteResult | QuoteResult[]; failures: string[] } {
  if (Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) {
    return { output: errorResult('TOO_LARGE', 'input is larger than 10 MB'), failures: ['input is larger than 10 MB'] };
  }
  if (text.trim() === '') {
    return { output: errorResult('INVALID_JSON', 'no input: give a JSON scenario on stdin or with --input'), failures: ['no input: give a JSON scenario on stdin or with --input'] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = `input is not valid JSON (${(error as Error).message})`;
    return { output: errorResult('INVALID_JSON', message), failures: [message] };
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) return { output: errorResult('INVALID_TYPE', 'empty array: no scenario to quote'), failures: ['empty array: no scenario to quote'] };
    if (parsed.length > 10_000) return { output: errorResult('TOO_LARGE', 'more than 10000 scenarios'), failures: ['more than 10000 scenarios'] };
    const output = parsed.map((item) => quoteJson(item, bundledFacts()));
    const failures = output.flatMap((result, i) => (isError(result) ? [`scenario [${i}]: ${result.error.path ? `${result.error.path}: ` : ''}${result.error.message}`] : []));
    return { output, failures };
  }
  const output = quoteJson(parsed, bundledFacts());
  return { output, failures: isError(output) ? [`${output.error.path ? `${output.error.path}: ` : ''}${output.error.message}`] : [] };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES + 1) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function main(): Promise<void> {
  try {
    process.exitCode = await runCli(process.argv.slice(2), {
      stdin: readStdin,
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
    });
  } catch (error) {
    // A bug of ours, not bad input: say so in one line, still without a stack trace.
    process.stdout.write(`${JSON.stringify(errorResult('INTERNAL', 'internal error in the engine; please report it'))}\n`);
    process.stderr.write(`preflight: internal error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
