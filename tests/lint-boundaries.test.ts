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

  it('forbids UI code (popup, options, overlay) importing the background', async () => {
    for (const file of ['src/ui/popup/x.ts', 'src/ui/options/x.tsx', 'src/ui/overlay/x.tsx']) {
      const code = "import { quoteSides } from '../../background/quotes/service';\nvoid quoteSides;\n";
      expect(await ruleIds(code, file), file).toContain('import-x/no-restricted-paths');
    }
  });

  it("forbids one venue folder importing another venue's code, and allows the shared venue code", async () => {
    const cross = "import { selectors } from '../binance-usdm/selectors';\nvoid selectors;\n";
    expect(await ruleIds(cross, 'src/venues/hyperliquid/reader.ts')).toContain('import-x/no-restricted-paths');
    const feed = "import { feed } from '../okx-swap/feed';\nvoid feed;\n";
    expect(await ruleIds(feed, 'src/venues/bybit-linear/feed.ts')).toContain('import-x/no-restricted-paths');
    const shared =
      "import { scanForm } from '../dom/query';\nimport type { OrderForm } from '../types';\nvoid scanForm;\n";
    expect(
      (await ruleIds(shared, 'src/venues/hyperliquid/reader.ts')).filter((id) => id === 'import-x/no-restricted-paths'),
    ).toEqual([]);
    const own = "import { selectors } from './selectors';\nvoid selectors;\n";
    expect(await ruleIds(own, 'src/venues/hyperliquid/reader.ts')).toEqual([]);
  });

  it('accepts a clean core module', async () => {
    const code = 'export function double(n: number): number {\n  return n * 2;\n}\n';
    expect(await ruleIds(code, 'src/core/x.ts')).toEqual([]);
  });
});

// Issue 3: the content script's bundle stays small and fast: decimal.js, the engine, the facts
// and planQuote run in the background only (eslint.config.js CONTENT_SIDE).
describe('content-side code cannot import background-only modules', () => {
  const CONTENT_FILES = [
    'src/content/x.ts',
    'src/ui/overlay/x.tsx',
    'src/venues/kraken-margin/reader.ts',
    'src/venues/binance-usdm/reader.ts',
    'src/venues/readers.ts',
    'src/venues/dom/x.ts',
    'src/messaging/validate-bg-to-cs.ts',
    'src/settings/settings.ts',
  ];
  // Relative to src/content/x.ts; rewritten per file below.
  const BANNED = [
    "import Decimal from 'decimal.js';",
    "import { Dec } from '@core/decimal';",
    "import type { Dec } from '@core/decimal';",
    "import { quoteJson } from '@core/quote';",
    "import type { QuoteResult } from '@core/quote';",
    "import type { QuoteJson } from '@core/serialize';",
    "import { quoteKrakenMargin } from '@core/models/kraken-margin';",
    "import { parseVenueFacts } from '@venues/facts';",
    "import { bundledFacts } from '@venues/bundled-facts';",
    "import { quoteSides } from '@venues/quote-sides';",
    "import { tierPositionRate } from '@venues/position-rate';",
    "import { planQuote } from '@venues/quote-input';",
    "import { misfit } from '@venues/plausibility';",
    "import facts from '@venues/kraken-margin/facts.json';",
    "import { parseCsToBg } from '@messaging/validate-cs-to-bg';",
  ];
  const ALLOWED = [
    "import type { VenueId, Side } from '@core/types';",
    "import { VENUES } from '@core/types';",
    "import { parseDecimalFixed } from '@core/decimal-text';",
    "import { isFresh } from '@venues/types';",
    "import { parseBgToCs } from '@messaging/validate-bg-to-cs';",
  ];
  const relative = (file: string, line: string): string => {
    const depth = file.split('/').length - 2; // directories below src/
    const up = depth === 0 ? './' : '../'.repeat(depth);
    return line.replace(/'@(core|venues|messaging)\//, `'${up}$1/`);
  };
  const used = (line: string): string => `${line}\nvoid 0;\n`;

  for (const file of CONTENT_FILES) {
    it(`${file}: every banned import is reported`, async () => {
      for (const line of BANNED) {
        const code = used(relative(file, line));
        expect(await ruleIds(code, file), code).toContain('import-x/no-restricted-paths');
      }
    });
  }

  it('the allowed imports are not reported', async () => {
    for (const line of ALLOWED) {
      const code = used(relative('src/content/x.ts', line));
      expect(
        (await ruleIds(code, 'src/content/x.ts')).filter((id) => id === 'import-x/no-restricted-paths'),
        code,
      ).toEqual([]);
    }
  });

  it('the background may still use the engine', async () => {
    const code =
      "import { quoteJson } from '../../core/quote';\nimport Decimal from 'decimal.js';\nvoid quoteJson;\nvoid Decimal;\n";
    expect(await ruleIds(code, 'src/background/quotes/x.ts')).toEqual([]);
  });
});
