// Runs the real `preflight` CLI in a child process, exactly as a user or CI script would:
// `node bin/preflight.mjs quote`, JSON on stdin, no shell. Each spawn costs ~0.4–0.6 s
// (node + tsx start-up), so tests should batch scenarios into one JSON array where they can.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in tests/helpers/). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface CliOptions {
  /** Arguments after `bin/preflight.mjs`; default `['quote']`. */
  args?: readonly string[];
  /** Run through `npm run --silent preflight -- …` instead of node directly (slower; the documented form). */
  viaNpm?: boolean;
  /** Kill the child after this many ms (default 30 s). */
  timeoutMs?: number;
}

/**
 * Spawns the CLI with `input` on stdin: a string is sent as is (so tests can send invalid
 * JSON, whitespace or nothing); anything else is JSON.stringify'd first.
 */
export function runPreflight(input: unknown, options: CliOptions = {}): CliRun {
  const args = options.args ?? ['quote'];
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  const [command, argv] = options.viaNpm
    ? ['npm', ['run', '--silent', 'preflight', '--', ...args]]
    : [process.execPath, ['bin/preflight.mjs', ...args]];
  const result = spawnSync(command, argv, {
    cwd: REPO_ROOT,
    input: text,
    encoding: 'utf8',
    shell: false,
    timeout: options.timeoutMs ?? 30_000,
    maxBuffer: 64 * 1024 * 1024,
    // No colour codes or npm update notices in the captured streams.
    env: {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      NO_UPDATE_NOTIFIER: '1',
      npm_config_update_notifier: 'false',
    },
  });
  if (result.error) throw result.error;
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    json = undefined;
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json };
}

/** `preflight quote` with the given input on stdin. */
export function runQuote(input: unknown, extraArgs: readonly string[] = []): CliRun {
  return runPreflight(input, { args: ['quote', ...extraArgs] });
}
