// Issue 16: `npm run package` is reproducible and the packages hold what the stores need, no more.
// One shared setup (each packaging run is a full production build): two runs in the repository,
// one from the unpacked source zip in a temporary directory (node_modules linked from the
// repository: a reviewer runs `npm ci`, CI has no network for a second install).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip, type ReadEntry } from '../../scripts/lib/zip';
import { reach } from './manifest-files';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const NAMES = ['chrome', 'firefox', 'source'].map((kind) => `margin-preflight-${version}-${kind}.zip`);
const [CHROME, FIREFOX, SOURCE] = NAMES as [string, string, string];
/** Each packaging run is two Vite builds; the CI machine is shared. */
const SETUP_TIMEOUT = 300_000;

let work: string;
let started: Date;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const hashes = (dir: string) => Object.fromEntries(NAMES.map((n) => [n, sha256(path.join(dir, n))]));
const entriesOf = (dir: string, name: string): ReadEntry[] => readZip(readFileSync(path.join(dir, name)));

function npmRunPackage(cwd: string, out: string): void {
  const run = spawnSync('npm', ['run', 'package', '--', '--out', out], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run package in ${cwd} failed:\n${run.stdout}\n${run.stderr}`);
}

function unpack(entries: readonly ReadEntry[], dir: string): void {
  for (const { name, data } of entries) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
}

beforeAll(() => {
  started = new Date();
  work = mkdtempSync(path.join(tmpdir(), 'mp-package-'));
  npmRunPackage(ROOT, path.join(work, 'first'));
  npmRunPackage(ROOT, path.join(work, 'second'));
  const src = path.join(work, 'src');
  unpack(entriesOf(path.join(work, 'first'), SOURCE), src);
  symlinkSync(realpathSync(path.join(ROOT, 'node_modules')), path.join(src, 'node_modules'), 'dir');
  npmRunPackage(src, path.join(work, 'rebuilt'));
}, SETUP_TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm run package', () => {
  it('gives byte-identical zips on a second run', () => {
    const first = hashes(path.join(work, 'first'));
    expect(Object.keys(first)).toEqual(NAMES);
    expect(hashes(path.join(work, 'second'))).toEqual(first);
  });

  it('rebuilds the identical packages from the unpacked source zip, in another directory', () => {
    const first = hashes(path.join(work, 'first'));
    const rebuilt = hashes(path.join(work, 'rebuilt'));
    expect(rebuilt[FIREFOX]).toBe(first[FIREFOX]);
    // The rest too: the build does not depend on where the checkout lives or on git.
    expect(rebuilt).toEqual(first);
  });

  it('stamps every entry with one fixed date and mode, and no absolute path or build time in any file', () => {
    const stamps = [started, new Date()].map((d) => d.toISOString().slice(0, 13)); // "2026-12-08T03"
    for (const name of NAMES) {
      for (const entry of entriesOf(path.join(work, 'first'), name)) {
        expect({ name: entry.name, date: entry.dosDateTime, mode: entry.mode }).toEqual({
          name: entry.name,
          date: 0x00210000, // 1980-01-01 00:00
          mode: 0o644,
        });
        const text = entry.data.toString('latin1');
        for (const needle of [ROOT, realpathSync(ROOT), work, ...stamps]) {
          expect(text.includes(needle), `${name}: ${entry.name} contains "${needle}"`).toBe(false);
        }
      }
    }
  });
});

describe.each(['chrome', 'firefox'] as const)('the %s zip', (target) => {
  const file = target === 'chrome' ? CHROME : FIREFOX;

  it('holds exactly what the manifest uses: no source maps, sources, tests or fixtures', () => {
    const entries = entriesOf(path.join(work, 'first'), file);
    const names = entries.map((e) => e.name);
    expect(
      names.filter((n) => /\.(map|ts|tsx|mjs)$|(^|\/)(tests?|e2e|fixtures?|bench)\/|\.(test|spec)\./.test(n)),
    ).toEqual([]);
    const { reached, missing, unused } = reach(new Map(entries.map((e) => [e.name, e.data])));
    expect(missing, 'named or loaded but not packaged').toEqual([]);
    expect(unused, 'packaged but used by nothing').toEqual([]);
    // The walk really followed the pages' and scripts' imports (not just the manifest's list).
    expect(reached).toContain('src/ui/popup/index.js');
    expect(names.some((n) => !n.startsWith('src/') && n.endsWith('.js') && reached.has(n))).toBe(true);
  });

  it('carries the version of package.json, and the manifest at the zip root', () => {
    const manifest = entriesOf(path.join(work, 'first'), file).find((e) => e.name === 'manifest.json');
    expect(manifest).toBeDefined();
    expect((JSON.parse(manifest!.data.toString('utf8')) as { version: string }).version).toBe(version);
  });
});

describe('the source zip', () => {
  it('holds the build inputs and a BUILD.md, and no tests, fixtures or screenshots', () => {
    const names = entriesOf(path.join(work, 'first'), SOURCE).map((e) => e.name);
    for (const needed of ['package.json', 'package-lock.json', 'tsconfig.json', 'vite.config.ts', 'BUILD.md'])
      expect(names).toContain(needed);
    for (const dir of ['scripts/', 'src/', 'manifest/', 'icons/', '_locales/en/', '_locales/de/'])
      expect(
        names.some((n) => n.startsWith(dir)),
        dir,
      ).toBe(true);
    expect(
      names.filter((n) => /^(tests|e2e|bench|docs|dist|release|node_modules)\/|\.(test|spec)\.tsx?$/.test(n)),
    ).toEqual([]);
  });

  it('BUILD.md names the node and npm versions and the two commands', () => {
    const buildMd = entriesOf(path.join(work, 'first'), SOURCE)
      .find((e) => e.name === 'BUILD.md')!
      .data.toString('utf8');
    expect(buildMd).toContain(`Node.js ${process.version}`);
    expect(buildMd).toMatch(/^- npm \d+\.\d+\.\d+$/m);
    expect(buildMd).toMatch(/```sh\nnpm ci\nnpm run package\n```/);
    expect(buildMd).toContain(`release/${FIREFOX}`);
  });
});

describe('web-ext lint on the Firefox zip', () => {
  it('finds no errors, warnings or notices', () => {
    const dir = path.join(work, 'firefox-unpacked');
    unpack(entriesOf(path.join(work, 'first'), FIREFOX), dir);
    const webExt = path.join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
    const run = spawnSync(process.execPath, [webExt, 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as { summary: unknown; errors: unknown[]; warnings: unknown[] };
    expect({ summary: report.summary, errors: report.errors, warnings: report.warnings }).toEqual({
      summary: { errors: 0, notices: 0, warnings: 0 },
      errors: [],
      warnings: [],
    });
  }, 120_000);
});
