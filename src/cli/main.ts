// `preflight quote`: the engine on the command line, exactly as ../shared/contracts/quote-cli.md.
// JSON on stdin (or --input FILE), one object or an array; JSON on stdout; exit 2 with a
// JSON error for bad input and one human line on stderr; never a stack trace.
import { clipText, type InputErrorCode } from '../core/errors';
import { quoteJson, type QuoteResult } from '../core/quote';
import { bundledFacts } from './node-facts';
import { parseArgs, USAGE } from './args';
import { lostNumberMessage, lostNumbers, pathText, type LostNumber } from './json-numbers';
import { InputTooLarge, MAX_INPUT_BYTES, readInputFile, readStdin, UnreadableInput } from './read-input';

interface CliIo {
  stdin: () => Promise<string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

type ErrorResult = Extract<QuoteResult, { error: unknown }>;

const TOO_LARGE_MESSAGE = 'input is larger than 10 MB';

function errorResult(code: InputErrorCode, message: string, path = ''): ErrorResult {
  return { error: { code, message, path } };
}

function isError(result: QuoteResult): result is ErrorResult {
  return 'error' in result;
}

/** Bad arguments or an unreadable input: the error JSON, one human line (and the usage line). */
function refuse(io: CliIo, code: InputErrorCode, message: string, withUsage: boolean): number {
  io.stdout(`${JSON.stringify(errorResult(code, withUsage ? `${message}; ${USAGE}` : message))}\n`);
  io.stderr(`preflight: ${message}\n${withUsage ? `${USAGE}\n` : ''}`);
  return 2;
}

/** Runs the CLI; returns the exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'usage-error') return refuse(io, 'USAGE', parsed.why, true);
  let text: string;
  try {
    text = parsed.inputFile === null ? await io.stdin() : await readInputFile(parsed.inputFile);
  } catch (error) {
    if (error instanceof InputTooLarge) return refuse(io, 'TOO_LARGE', TOO_LARGE_MESSAGE, false);
    const message =
      error instanceof UnreadableInput
        ? error.message
        : `cannot read stdin: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
    return refuse(io, 'USAGE', message, false);
  }
  const { output, failures } = quoteText(text);
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  if (failures.length === 0) return 0;
  for (const line of failures.slice(0, 5)) io.stderr(`preflight: ${line}\n`);
  if (failures.length > 5) io.stderr(`preflight: … and ${failures.length - 5} more invalid scenario(s)\n`);
  return 2;
}

const failureLine = (error: ErrorResult['error']): string => `${error.path ? `${error.path}: ` : ''}${error.message}`;

/** The scenario's quote, or the error for a number JSON.parse changed in it (found in its text by lostNumbers). */
function quoteItem(
  value: unknown,
  lost: LostNumber | undefined,
  pathInItem: ReadonlyArray<string | number>,
): QuoteResult {
  if (lost === undefined) return quoteJson(value, bundledFacts());
  const where = pathText(pathInItem);
  return errorResult('INVALID_NUMBER', lostNumberMessage(lost, where), where);
}

/** Parses the whole input text and quotes each scenario; failures are human lines. */
export function quoteText(input: string): { output: QuoteResult | QuoteResult[]; failures: string[] } {
  if (Buffer.byteLength(input, 'utf8') > MAX_INPUT_BYTES) {
    return { output: errorResult('TOO_LARGE', TOO_LARGE_MESSAGE), failures: [TOO_LARGE_MESSAGE] };
  }
  // A byte-order mark (Windows editors, PowerShell pipes) is not part of the JSON, from a file or from stdin.
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return {
      output: errorResult('INVALID_JSON', 'no input: give a JSON scenario on stdin or with --input'),
      failures: ['no input: give a JSON scenario on stdin or with --input'],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = `input is not valid JSON (${clipText((error as Error).message, 120)})`;
    return { output: errorResult('INVALID_JSON', message), failures: [message] };
  }
  const lost = lostNumbers(text);
  if (Array.isArray(parsed)) {
    if (parsed.length === 0)
      return {
        output: errorResult('INVALID_TYPE', 'empty array: no scenario to quote'),
        failures: ['empty array: no scenario to quote'],
      };
    if (parsed.length > 10_000)
      return { output: errorResult('TOO_LARGE', 'more than 10000 scenarios'), failures: ['more than 10000 scenarios'] };
    const lostIn = new Map(lost.map((entry) => [entry.path[0] as number, entry]));
    const output = parsed.map((item, i) => quoteItem(item, lostIn.get(i), lostIn.get(i)?.path.slice(1) ?? []));
    const failures = output.flatMap((result, i) =>
      isError(result) ? [`scenario [${i}]: ${failureLine(result.error)}`] : [],
    );
    return { output, failures };
  }
  const output = quoteItem(parsed, lost[0], lost[0]?.path ?? []);
  return { output, failures: isError(output) ? [failureLine(output.error)] : [] };
}

export async function main(): Promise<void> {
  try {
    process.exitCode = await runCli(process.argv.slice(2), {
      stdin: () => readStdin(),
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
    });
  } catch (error) {
    // A bug of ours, not bad input: say so in one line, still without a stack trace.
    process.stdout.write(
      `${JSON.stringify(errorResult('INTERNAL', 'internal error in the engine; please report it'))}\n`,
    );
    process.stderr.write(`preflight: internal error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
