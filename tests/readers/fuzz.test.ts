// @vitest-environment happy-dom
// The one form schema, end to end (issue 9 item 3): every fixture page, mutated at random as a
// live or hostile page would be — input values of any text, account figures in odd syntax or
// zero, elements removed or doubled, copies hidden by a stylesheet, up to 80 position rows, the
// page in upper case — goes through every reader, full and order scope and the typing fast path.
// Each result is either accepted by the background's validator (parseFormChanged, exactly what
// the market port runs) or an explicit 'unrecognised' naming what is missing. Nothing a reader
// returns is refused later, and no reader throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFormChanged } from '../../src/messaging/validate-cs-to-bg';
import { readerForUrl } from '../../src/venues/readers';
import type { FormReading } from '../../src/venues/types';
import { FIXTURES } from '../venues/fixture-pages';
import { loadPage } from './load';

type Action =
  | { kind: 'value'; pick: number; text: string }
  | { kind: 'text'; pick: number; text: string }
  | { kind: 'remove'; pick: number }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'hide'; pick: number }
  | { kind: 'rows'; count: number; recount: boolean }
  | { kind: 'zero'; text: string }
  | { kind: 'upper' };

const ODD_NUMBERS = [
  '0',
  '0.00',
  '0.0000',
  '+65000',
  '6.5e4',
  '0.5',
  '.5',
  '65000.',
  '2,412',
  '65.000',
  '1,000',
  '1.234,5',
  '0,5',
  '1,000,000',
  '1.000.000',
  '0,500',
  '1e21',
  '99999999999999999999999',
  '0.0000000000000000001',
  '--',
  '',
  ' ',
  '-1',
  '−5',
  '١٢٣',
  'NaN',
  '1000x',
  '0.5x',
  '20x',
  '1001x',
  '10.00x',
  '2,5x',
];
const numberish = fc.oneof(
  fc.constantFrom(...ODD_NUMBERS),
  fc.stringMatching(/^[0-9][0-9.,]{0,11}$/),
  fc
    .tuple(fc.stringMatching(/^[0-9][0-9.,]{0,9}$/), fc.constantFrom(' USDT', ' USDC', ' BTC', ' ETH', ' SOL', 'x', ''))
    .map(([n, unit]) => n + unit),
  fc.stringMatching(/^[0-9][0-9.,]{0,9}$/).map((n) => `$${n}`),
);
const text = fc.oneof({ weight: 4, arbitrary: numberish }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const pick = fc.nat();

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('value' as const), pick, text }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('text' as const), pick, text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hide' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rows' as const),
      count: fc.integer({ min: 1, max: 80 }),
      recount: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('zero' as const), text: fc.constantFrom('0', '0.00', '0.0000', '$0.00') }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'upper' as const }) },
);

const at = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
/** Elements with text and no element children: labels, figures, table cells. */
const leaves = (doc: Document) =>
  [...doc.body.querySelectorAll('*')].filter(
    (el) =>
      el.childElementCount === 0 &&
      (el.textContent ?? '').trim() !== '' &&
      el.tagName !== 'SCRIPT' &&
      el.tagName !== 'STYLE',
  );
/** Elements worth removing or doubling: not the page's outer layout. */
const parts = (doc: Document) =>
  [...doc.body.querySelectorAll('*')].filter((el) => el.querySelectorAll('*').length < 40);

function apply(doc: Document, a: Action): void {
  switch (a.kind) {
    case 'value': {
      const input = at([...doc.querySelectorAll('input')], a.pick);
      if (input) input.value = a.text;
      return;
    }
    case 'text': {
      const leaf = at(leaves(doc), a.pick);
      if (leaf) leaf.textContent = a.text;
      return;
    }
    case 'remove':
      at(parts(doc), a.pick)?.remove();
      return;
    case 'duplicate': {
      const el = at(parts(doc), a.pick);
      el?.after(el.cloneNode(true));
      return;
    }
    case 'hide': {
      const el = at(parts(doc), a.pick);
      if (!el) return;
      const style = doc.createElement('style');
      style.textContent = '.fuzz-inactive { display: none }';
      doc.head.append(style);
      const copy = el.cloneNode(true) as Element;
      copy.classList.add('fuzz-inactive');
      el.after(copy);
      return;
    }
    case 'rows': {
      const body = [...doc.querySelectorAll('tbody')].find((b) => b.querySelector('td') !== null);
      const template = body?.querySelector('tr');
      if (!body || !template) return;
      for (let i = 0; i < a.count; i++) body.append(template.cloneNode(true));
      if (a.recount) {
        const rows = body.querySelectorAll('tr').length;
        for (const tab of doc.querySelectorAll('[role="tab"]'))
          tab.textContent = (tab.textContent ?? '').replace(/\(\d+\)/, `(${rows})`);
      }
      return;
    }
    case 'zero':
      for (const leaf of leaves(doc)) {
        const m = /^(\$?)[\d,]+\.\d+( [A-Z]{3,5})?$/.exec((leaf.textContent ?? '').trim());
        if (m) leaf.textContent = a.text.startsWith('$') ? a.text : `${a.text}${m[2] ?? ''}`;
      }
      return;
    case 'upper': {
      const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
        (node as Text).data = (node as Text).data.toUpperCase();
    }
  }
}

const stats = { ok: 0, unrecognised: 0, tooMany: 0, zeroWallet: 0, refreshed: 0 };

/** Accepted by the background's own parser, or an explicit refusal that says what is missing. */
function expectAcceptedOrUnrecognised(reading: FormReading): void {
  if (reading.status === 'unrecognised') {
    stats.unrecognised++;
    expect(reading.missing.length).toBeGreaterThan(0);
    return;
  }
  stats.ok++;
  if (reading.form.account?.positionsTooMany) stats.tooMany++;
  if (reading.form.account?.walletBalance === '0') stats.zeroWallet++;
  // Through structured cloning, as the port carries it.
  const message = structuredClone({
    type: 'cs→bg:form-changed',
    seq: 1,
    venue: reading.form.venue,
    symbol: reading.form.symbol,
    form: reading.form,
  });
  expect(parseFormChanged(message), JSON.stringify(reading.form)).toEqual({ ok: true, message });
}

describe('fuzzed fixture pages through every reader', () => {
  for (const [venue, { page, url }] of Object.entries(FIXTURES)) {
    it(`${venue}: every reading is accepted by the background or explicitly unrecognised`, () => {
      const reader = readerForUrl(new URL(url))!;
      fc.assert(
        fc.property(
          fc.array(action, { minLength: 1, maxLength: 6 }),
          fc.tuple(pick, text),
          (actions, [typedPick, typedText]) => {
            const doc = loadPage(page);
            for (const a of actions) apply(doc, a);
            const full = reader.read(doc, new URL(url));
            expectAcceptedOrUnrecognised(full);
            expectAcceptedOrUnrecognised(reader.read(doc, new URL(url), 'order'));
            // The typing fast path after one more keystroke anywhere.
            const input = at([...doc.querySelectorAll('input')], typedPick);
            if (input) input.value = typedText;
            const refreshed = reader.refresh?.(full) ?? null;
            if (refreshed !== null) {
              stats.refreshed++;
              expectAcceptedOrUnrecognised(refreshed);
            }
          },
        ),
        { numRuns: 40 },
      );
    }, 180_000);
  }

  it('the fuzzing reached the cases it is for (not vacuous)', () => {
    expect(stats.ok).toBeGreaterThan(20);
    expect(stats.unrecognised).toBeGreaterThan(20);
    expect(stats.tooMany).toBeGreaterThan(0);
    expect(stats.zeroWallet).toBeGreaterThan(0);
    expect(stats.refreshed).toBeGreaterThan(0);
  });
});
