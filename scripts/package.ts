// `npm run package`: the production build of both browsers, then three reproducible zips under
// release/ (or --out <dir>): margin-preflight-<version>-chrome.zip, -firefox.zip (an unsigned
// xpi: manifest at the root) and -source.zip (what addons.mozilla.org asks for when code is
// bundled, with a BUILD.md). Same commit + same toolchain → byte-identical files (scripts/lib/zip.ts).
// Usage: tsx scripts/package.ts [--out <dir>] [--no-build]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { browserEntries, buildMd, currentToolchain, sourceEntries } from './lib/release-files';
import { writeZip } from './lib/zip';

const ROOT = path.resolve(import.meta.dirname, '..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const outDir = path.resolve(option('--out') ?? path.join(ROOT, 'release'));
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json version "${version}" is not x.y.z`);

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), 'chrome', 'firefox'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const zips: Array<[string, Buffer]> = [];
for (const target of ['chrome', 'firefox'] as const) {
  const entries = browserEntries(path.join(ROOT, 'dist', target));
  const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as {
    version: string;
  };
  // compose-manifest.ts takes the version from package.json; a stale dist/ would not.
  if (manifest.version !== version) throw new Error(`dist/${target} is version ${manifest.version}, not ${version}`);
  zips.push([`margin-preflight-${version}-${target}.zip`, writeZip(entries)]);
}
const source = [...sourceEntries(ROOT), { name: 'BUILD.md', data: Buffer.from(buildMd(version, currentToolchain())) }];
zips.push([`margin-preflight-${version}-source.zip`, writeZip(source)]);

mkdirSync(outDir, { recursive: true });
console.log(`\n> ${path.relative(process.cwd(), outDir) || '.'}/`);
for (const [name, bytes] of zips) {
  writeFileSync(path.join(outDir, name), bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');
  console.log(`${sha}  ${name}  (${bytes.length} bytes)`);
}
