// Proves the context-boundary lint rules in eslint.config.js actually fire, so a config
// typo cannot silently turn them off. lintText with a virtual filePath applies the same
// per-directory config a real file there would get (the file need not exist).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('lint boundaries', () => {
  it('forbids extension APIs in src/core', async () => {
    const code = "import browser from 'webextension-polyfill';\nexport const id = browser.runtime.id;\n";
    expect(await ruleIds(code, 'src/core/x.ts')).toContain('no-restricted-imports');
  });

  it('forbids preact in src/core', async () => {
    expect(await ruleIds("export { h } from 'preact';\n", 'src/core/x.ts')).toContain('no-restricted-imports');
  });

  it('forbids src/core importing the background', async () => {
    const code = "import '../background/index';\n";
    expect(await ruleIds(code, 'src/core/x.ts')).toContain('import-x/no-restricted-paths');
  });

  it('forbids the content script importing the popup', async () => {
    const code = "import '../ui/popup/main';\n";
    expect(await ruleIds(code, 'src/content/x.ts')).toContain('import-x/no-restricted-paths');
  });

  it('accepts a clean core module', async () => {
    const code = 'export function double(n: number): number {\n  return n * 2;\n}\n';
    expect(await ruleIds(code, 'src/core/x.ts')).toEqual([]);
  });
});
