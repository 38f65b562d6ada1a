// Issue 16 item 7: a quote whose figures come from a bundled fact file over 30 days old says so,
// in its assumptions (the quote JSON: one more entry, the CLI contract unchanged) and in an
// overlay banner in the page's language. Computed by the background's own quoteSides with a fake
// clock: 40 days after the facts' date gives the note, 10 days gives none.
import { describe, expect, it } from 'vitest';
import deMessages from '../_locales/de/messages.json';
import { checkBgToCs, wirePlan } from '../src/messaging/validate-bg-to-cs';
import { check } from '../src/schema';
import { buildView } from '../src/ui/overlay/view-model';
import { dayStart } from '../src/venues/facts-age';
import { quoteSides, toWire } from '../src/venues/quote-sides';
import type { MarketSnapshot, OrderForm } from '../src/venues/types';
import { binanceForm, marketOf, ok, settings } from './content/fixtures';
import { formatMessage } from './helpers/i18n-en';
import bybitFacts from '../src/venues/bybit-linear/facts.json';
import binanceFacts from '../src/venues/binance-usdm/facts.json';

const DAY = 86_400_000;
const daysAfter = (asOf: string, days: number): number => dayStart(asOf)! + days * DAY + 3_600_000;
const FEES_NOTE = (asOf: string, days: number) =>
  `Fee rates from bundled facts dated ${asOf} (${days} days old): check the venue's current rates`;

function liveSnapshot(form: OrderForm, now: number): MarketSnapshot {
  const live = { receivedAt: now - 1_000, exchangeTime: null, source: 'stream' as const };
  return {
    venue: form.venue,
    symbol: form.symbol,
    status: 'live',
    lastError: null,
    figures: { markPrice: { value: '65010', ...live }, fundingRate: { value: '0.0001', ...live } },
  };
}

function quoted(form: OrderForm, now: number, over = settings()) {
  const snap = liveSnapshot(form, now);
  const sides = toWire(quoteSides(form, snap, over, now));
  const view = buildView({
    reading: ok(form),
    quotes: sides,
    market: marketOf(snap),
    settings: over,
    guard: null,
    now,
    pending: false,
  });
  return { sides, view, snap };
}

const assumptionsOf = (side: { result: unknown }) => (side.result as { assumptions: string[] }).assumptions;

describe('a quote on bundled facts', () => {
  const asOf = binanceFacts.asOf;

  it('40 days after the facts’ date: the plan, the assumptions and the overlay say the fee rates are old', () => {
    const { sides, view } = quoted(binanceForm({ side: 'long' }), daysAfter(asOf, 40));
    expect(sides[0]!.plan.oldFacts).toContainEqual({ kind: 'fees', asOf, ageDays: 40 });
    expect(assumptionsOf(sides[0]!)).toContain(FEES_NOTE(asOf, 40));
    expect(view.banners.filter((b) => b.kind === 'old-facts').map((b) => b.text)).toContain(FEES_NOTE(asOf, 40));
  });

  it('10 days after: no note anywhere', () => {
    const { sides, view } = quoted(binanceForm({ side: 'long' }), daysAfter(asOf, 10));
    expect(sides[0]!.plan.oldFacts).toEqual([]);
    expect(assumptionsOf(sides[0]!).some((a) => a.includes('days old'))).toBe(false);
    expect(view.banners.some((b) => b.kind === 'old-facts')).toBe(false);
  });

  it('fee rates the user set (a fee tier) are not bundled: no fee note, the bundled tiers still noted', () => {
    const own = settings({ feeTiers: { 'binance-usdm': { takerFeeRate: '0.0004', makerFeeRate: '0.00016' } } });
    const { sides } = quoted(binanceForm({ side: 'long' }), daysAfter(asOf, 40), own);
    expect(sides[0]!.plan.oldFacts.map((f) => f.kind)).toEqual(['tiers']);
    expect(assumptionsOf(sides[0]!).some((a) => a.startsWith('Fee rates from bundled'))).toBe(false);
  });

  it('both sides of a two-button form carry it, and the message passes the content script’s check', () => {
    const now = daysAfter(bybitFacts.asOf, 41);
    const form = binanceForm({ venue: 'bybit-linear', symbol: 'BTCUSDT', side: 'both' });
    const { sides, snap } = quoted(form, now);
    expect(sides.map((s) => s.plan.oldFacts.map((f) => f.kind))).toEqual([
      ['fees', 'tiers'],
      ['fees', 'tiers'],
    ]);
    const message = {
      type: 'bg→cs:quotes',
      seq: 1,
      venue: form.venue,
      symbol: form.symbol,
      sides,
      mark: { value: '65010', receivedAt: snap.figures.markPrice!.receivedAt },
      tickSize: null,
      status: 'live',
      lastError: null,
      refusal: null,
    };
    expect(checkBgToCs(message)).toMatchObject({ ok: true });
  });

  it('the wire check refuses a doubled kind and an impossible day', () => {
    const { sides } = quoted(binanceForm({ side: 'long' }), daysAfter(asOf, 40));
    const plan = sides[0]!.plan;
    const fee = { kind: 'fees', asOf, ageDays: 40 };
    expect(check(wirePlan, { ...plan, oldFacts: [fee, fee] }).ok).toBe(false);
    expect(check(wirePlan, { ...plan, oldFacts: [{ ...fee, asOf: '2026-02-31' }] }).ok).toBe(false);
    expect(check(wirePlan, plan).ok).toBe(true);
  });

  it('says it in German too', () => {
    const text = formatMessage(deMessages.overlay_oldFactsFees, [asOf, '40']);
    expect(text).toBe(
      `Gebührensätze aus mitgelieferten Daten vom ${asOf} (40 Tage alt): aktuelle Sätze der Börse prüfen`,
    );
  });
});
