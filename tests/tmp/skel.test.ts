// @vitest-environment happy-dom
import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { reader } from '../../src/venues/bybit-linear/reader';
it('skel', () => {
  for (const f of ['/tmp/skel.html', '/work/wt-int/e2e/fixtures/pages/bybit-linear.html']) {
  const doc = new DOMParser().parseFromString(readFileSync(f, 'utf8'), 'text/html');
  const r = reader.read(doc, new URL('https://www.bybit.com/trade/usdt/BTCUSDT'));
  console.log(f, r.status, r.status === 'unrecognised' ? r.missing : '', JSON.stringify(r.matched));
  }
});
