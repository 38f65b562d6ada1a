// The bench's size part reads what the built manifest names: each content script on its own (the
// budget) and the lazily imported UI module apart from them (not counted into any content script).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { contentScriptSizes, lazyModuleSizes } from '../../bench/size';

let dist = '';
function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), text);
}
const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

const KRAKEN = `(function(){const u=chrome.runtime.getURL("src/ui/overlay/page-ui.js");import(u);${'k'.repeat(300)}})()`;
const BYBIT = `(function(){${'b'.repeat(200)}})()`;
const UI = `import{h as e}from"./chunk-preact.js";export const mount=()=>e("div");`;
const CHUNK = `export const h=()=>1;${'p'.repeat(500)}`;

function build(webAccessible: unknown): void {
  dist = mkdtempSync(path.join(tmpdir(), 'mp-size-'));
  write('src/venues/kraken-margin/content.js', KRAKEN);
  write('src/venues/bybit-linear/content.js', BYBIT);
  write('src/ui/overlay/page-ui.js', UI);
  write('src/ui/overlay/chunk-preact.js', CHUNK);
  write(
    'manifest.json',
    JSON.stringify({
      content_scripts: [
        { matches: ['https://pro.kraken.com/app/trade/*'], js: ['src/venues/kraken-margin/content.js'] },
        { matches: ['https://www.bybit.com/trade/*'], js: ['src/venues/bybit-linear/content.js'] },
      ],
      ...(webAccessible ? { web_accessible_resources: webAccessible } : {}),
    }),
  );
}

afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('bench size', () => {
  it('measures each content script alone, not the module it imports lazily', () => {
    build([{ resources: ['src/ui/overlay/page-ui.js'], matches: ['https://pro.kraken.com/*'] }]);
    const [kraken, bybit] = contentScriptSizes(dist);
    expect(kraken).toEqual({
      matches: ['pro.kraken.com/app/trade/*'],
      files: ['src/venues/kraken-margin/content.js'],
      bytes: KRAKEN.length,
      gzip: gz(KRAKEN),
    });
    expect(bybit!.files).toEqual(['src/venues/bybit-linear/content.js']);
    expect(bybit!.gzip).toBe(gz(BYBIT));
  });

  it('reports the web-accessible module with its static imports and who loads it', () => {
    build([{ resources: ['src/ui/overlay/page-ui.js'], matches: ['https://pro.kraken.com/*'] }]);
    expect(lazyModuleSizes(dist)).toEqual([
      {
        module: 'src/ui/overlay/page-ui.js',
        files: ['src/ui/overlay/page-ui.js', 'src/ui/overlay/chunk-preact.js'],
        bytes: UI.length + CHUNK.length,
        gzip: gz(UI) + gz(CHUNK),
        loadedBy: ['src/venues/kraken-margin/content.js'],
      },
    ]);
  });

  it('expands a wildcard resource and finds nothing without web_accessible_resources', () => {
    build([{ resources: ['src/ui/overlay/page-*.js'], matches: ['<all_urls>'] }]);
    expect(lazyModuleSizes(dist).map((m) => m.module)).toEqual(['src/ui/overlay/page-ui.js']);
    rmSync(dist, { recursive: true, force: true });
    build(undefined);
    expect(lazyModuleSizes(dist)).toEqual([]);
  });
});
