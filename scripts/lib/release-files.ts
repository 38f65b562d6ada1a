// What goes into each release zip (scripts/package.ts). Browser zips: the built dist/<target>/
// minus source maps (build.mjs already moves them out; this is the second lock). Source zip: the
// tracked files a reviewer needs to rebuild, plus a generated BUILD.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ZipEntry } from './zip';

/**
 * Not needed to build the extension: tests, e2e fixtures and harness, the bench, screenshots,
 * CI and lint/test configs. Everything else tracked goes in, so a new build input cannot be
 * forgotten; a path here that the build needs fails the rebuild test (tests/package).
 */
const NOT_FOR_BUILD = [
  /^tests\//,
  /^e2e\//,
  /^bench\//,
  /^docs\//,
  /^\.ci\//,
  /^(eslint|playwright|vitest)\.config\.[jt]s$/,
  /^\.prettier(rc\.json|ignore)$/,
  // Generated into the source zip itself (a rebuild from an unpacked source zip sees it on disk).
  /^BUILD\.md$/,
];
/** Never part of a repository listing made without git (an unpacked source zip). */
const UNTRACKED_DIRS = new Set(['node_modules', 'dist', 'release', '.git', 'test-results', 'playwright-report']);

export const isBuildSource = (file: string): boolean => !NOT_FOR_BUILD.some((re) => re.test(file));

function walk(dir: string, sub = '', skip: ReadonlySet<string> = new Set()): string[] {
  return readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (skip.has(rel)) return [];
    if (entry.isDirectory()) return walk(dir, rel, skip);
    return entry.isFile() ? [rel] : [];
  });
}

/** The repository's files: `git ls-files` in a checkout, else every file on disk (an unpacked source zip). */
export function repositoryFiles(root: string): string[] {
  if (existsSync(path.join(root, '.git'))) {
    const git = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
    if (git.status !== 0) throw new Error(`git ls-files failed: ${git.stderr}`);
    // A tracked file deleted in the work tree is not a source any more.
    return git.stdout
      .split('\0')
      .filter(Boolean)
      .filter((f) => existsSync(path.join(root, f)));
  }
  return walk(root, '', UNTRACKED_DIRS);
}

const read = (dir: string) => (name: string) => ({ name, data: readFileSync(path.join(dir, name)) });

export function sourceEntries(root: string): ZipEntry[] {
  return repositoryFiles(root).filter(isBuildSource).map(read(root));
}

/** A built browser target as the store gets it: no source maps. */
export function browserEntries(distDir: string): ZipEntry[] {
  if (!existsSync(path.join(distDir, 'manifest.json')))
    throw new Error(`${distDir}/manifest.json missing: build first`);
  return walk(distDir)
    .filter((f) => !f.endsWith('.map'))
    .map(read(distDir));
}

export interface Toolchain {
  node: string;
  npm: string;
  zlib: string;
  platform: string;
}

export function currentToolchain(): Toolchain {
  const npm = spawnSync('npm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  return {
    node: process.version,
    npm: npm.status === 0 ? npm.stdout.trim() : 'unknown',
    zlib: process.versions.zlib ?? 'unknown',
    platform: `${process.platform} ${process.arch}`,
  };
}

export function buildMd(version: string, tools: Toolchain): string {
  const name = `margin-preflight-${version}`;
  return `# Building Margin Preflight ${version} from source

This archive holds the sources of \`${name}-firefox.zip\` (and \`${name}-chrome.zip\`): the
TypeScript sources (\`src/\`), the manifests (\`manifest/\`), messages (\`_locales/\`), icons, build
scripts and the lockfile. The packages bundle them with Vite; nothing is obfuscated, and only
the content scripts are minified.

## Requirements

- Node.js ${tools.node} (any Node.js >= 20.19 builds; the zip bytes depend on the zlib that
  Node.js bundles, here ${tools.zlib}, so use this release for a byte-identical package)
- npm ${tools.npm}
- Built and tested on ${tools.platform}; no network access is needed after \`npm ci\`.

## Rebuild

\`\`\`sh
npm ci
npm run package
\`\`\`

\`npm ci\` installs the exact dependency versions from \`package-lock.json\`. \`npm run package\`
builds both browsers (\`node scripts/build.mjs chrome firefox\`, output in \`dist/\`) and writes
\`release/${name}-firefox.zip\`, which is byte-identical to the submitted package
(compare with \`sha256sum release/${name}-firefox.zip\`). The unzipped build is in
\`dist/firefox/\`.
`;
}
