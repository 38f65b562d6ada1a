// npm run fixture:from-report -- report.json [--out path] [--price 65000] [--size 0.1]
// The work of the command, apart from the process: arguments in, the page's path and text out.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fillDigits } from '../../src/content/report/fill';
import { parsePageReport } from '../../src/content/report/parse';
import { EXAMPLE_ORDER, skeletonFileName, skeletonHtml, type ExampleOrder } from '../../src/content/report/skeleton';
import { venueVocabulary } from './venue-vocabulary';

export const USAGE = 'usage: npm run fixture:from-report -- report.json [--out path] [--price 65000] [--size 0.1]';

export interface FixtureArgs {
  report: string;
  out: string | null;
  order: ExampleOrder;
}

const PLAIN_POSITIVE = /^(?:0\.\d*[1-9]\d*|[1-9]\d*(?:\.\d+)?)$/;

export function parseArgs(argv: readonly string[]): FixtureArgs {
  let report: string | null = null;
  let out: string | null = null;
  const order = { ...EXAMPLE_ORDER };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[(i += 1)];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--out') out = value();
    else if (arg === '--price' || arg === '--size') {
      const v = value();
      if (!PLAIN_POSITIVE.test(v)) throw new Error(`${arg} ${v}: a plain positive decimal, like 65000 or 0.1`);
      order[arg === '--price' ? 'price' : 'size'] = v;
    } else if (arg.startsWith('--') || report !== null) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    else report = arg;
  }
  if (report === null) throw new Error(USAGE);
  return { report, out, order };
}

export interface FixturePage {
  path: string;
  html: string;
  /** Where e2e serves it: the venue's page URL with the report's path. */
  url: string;
}

export function fixtureFromReport(argv: readonly string[], rootDir: string, cwd: string): FixturePage {
  const args = parseArgs(argv);
  const report = parsePageReport(JSON.parse(readFileSync(resolve(cwd, args.report), 'utf8')) as unknown);
  const aboutFile = join(rootDir, 'src', 'venues', report.venue, 'about.json');
  if (!existsSync(aboutFile)) throw new Error(`the report names venue "${report.venue}", which has no folder here`);
  const { fixtureUrl } = JSON.parse(readFileSync(aboutFile, 'utf8')) as { fixtureUrl: string };
  const html = skeletonHtml(report, { order: args.order, vocabulary: venueVocabulary(rootDir, report.venue) });
  const path =
    args.out === null ? join(rootDir, 'e2e', 'fixtures', 'pages', skeletonFileName(report)) : resolve(cwd, args.out);
  const url = new URL(fillDigits(report.path), new URL(fixtureUrl).origin).href;
  return { path: relative(cwd, path) || path, html, url };
}
