// @vitest-environment happy-dom
// A session on a page: reads on input synchronously and sends the form at once with a new seq,
// draws the background's answer when it arrives (never an older one over a newer), keeps the last
// quotes marked "updating" while an answer is late, follows mutations once per frame, and leaves
// nothing behind. The background is faked with the real quote computation (fake-background.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVE_MS } from '../../src/content/form-watch';
import { CHECK_BOUND_MS } from '../../src/content/guard';
import { PENDING_AFTER_MS, startSession, type Session } from '../../src/content/session';
import type { CsToBg } from '../../src/messaging/messages';
import { ATTR, HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';
import type { FormReading, MarketSnapshot } from '../../src/venues/types';
import { FakeBackground } from './fake-background';
import { buildPage, fakeReader } from './fake-page';
import { FakeExt } from './fake-ext';
import { settings, snapshot } from './fixtures';

const URL_ = new URL('https://www.binance.com/futures/BTCUSDT');
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const answered = () => wait(0); // the fake background answers in a microtask
type FormChanged = Extract<CsToBg, { type: 'cs→bg:form-changed' }>;

describe('session', () => {
  let ext: FakeExt;
  let bg: FakeBackground;
  let page: ReturnType<typeof buildPage>;
  let session: Session | undefined;
  let shadow: ShadowRoot | undefined;
  let now: number;
  const reads = vi.spyOn(fakeReader, 'read');
  const s = settings({ minLiquidationDistance: '0.05' });

  let attach: { mockRestore(): void } | undefined;
  // The overlay (and its closed shadow root) is created with the first thing to show; keep the root.
  const start = () => {
    const spy = vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
      this: HTMLElement,
      init: ShadowRootInit,
    ) {
      spy.mockRestore();
      attach = undefined;
      shadow = this.attachShadow(init);
      return shadow;
    });
    attach = spy;
    session = startSession({
      win: window,
      doc: document,
      reader: fakeReader,
      url: URL_,
      ext,
      settings: () => s,
      onInvalidated: () => session?.stop(),
      now: () => now,
    });
  };

  beforeEach(() => {
    ext = new FakeExt();
    page = buildPage(document);
    now = Date.now();
    bg = new FakeBackground(ext, { settings: s, now: () => now });
    reads.mockClear();
    shadow = undefined;
    start();
  });
  afterEach(() => {
    session?.stop();
    session = undefined;
    attach?.mockRestore();
  });

  const root = () => shadow!.querySelector(`[${ATTR.root}]`)!;
  const liq = (side = 'long') =>
    shadow?.querySelector(`[${ATTR.side}="${side}"] [${ATTR.figure}="liquidationPrice"]`)?.getAttribute(ATTR.value);
  const forms = () =>
    ext.ports
      .flatMap((p) => p.sent)
      .filter((m): m is FormChanged => (m as { type: string }).type === 'cs→bg:form-changed');
  const type = (input: HTMLInputElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const withMark = (value: string, receivedAt = now): MarketSnapshot => ({
    ...snapshot(value),
    figures: { markPrice: { value, receivedAt, exchangeTime: null, source: 'stream' } },
  });

  it('sends the form at once; the overlay appears with the first answer', async () => {
    expect(forms()).toEqual([
      {
        type: 'cs→bg:form-changed',
        seq: 1,
        venue: 'binance-usdm',
        symbol: 'BTCUSDT',
        form: expect.objectContaining({ leverage: '10' }),
      },
    ]);
    session!.stop();
    bg.answering = false;
    start();
    await wait(20);
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull(); // nothing drawn before there is something to show
    bg.release();
    await answered();
    expect(root().getAttribute(ATTR.state)).toBe('ok');
    expect(root().getAttribute(ATTR.mark)).toBe('missing');
    expect(root().hasAttribute(ATTR.pending)).toBe(false);
  });

  it('reads and sends synchronously in the input handler, and draws the answer as it arrives', async () => {
    await answered();
    const before = liq();
    reads.mockClear();
    type(page.leverage, '20');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(forms().at(-1)).toMatchObject({ seq: 2, form: { leverage: '20' } });
    expect(liq()).toBe(before); // the answer is not here yet
    await answered();
    expect(liq()).not.toBe(before);
  });

  it('every change is its own message; an event that changes nothing sends nothing', async () => {
    await answered();
    type(page.leverage, '2');
    type(page.leverage, '20');
    type(page.leverage, '20');
    type(page.leverage, '25');
    expect(forms().map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(forms().map((m) => m.form?.leverage)).toEqual(['10', '2', '20', '25']);
  });

  it('never draws an older answer over a newer one', async () => {
    await answered();
    bg.answering = false;
    type(page.leverage, '20');
    type(page.leverage, '25');
    const [older, newer] = bg.held;
    bg.answer(newer!.message, newer!.port);
    const at25 = liq();
    bg.answer(older!.message, older!.port);
    expect(liq()).toBe(at25);
    // A re-send of the newest answer (new market data) is taken.
    bg.market.snapshot = withMark('65000');
    bg.answer(newer!.message, newer!.port);
    expect(root().getAttribute(ATTR.mark)).toBe('live');
  });

  it('follows DOM mutations of the form once per frame (values the page writes without events)', async () => {
    await answered();
    const before = liq();
    reads.mockClear();
    page.leverage.value = '3';
    page.leverage.setAttribute('value', '3');
    page.form.append(document.createElement('span'));
    await wait(0);
    await nextFrame();
    expect(reads).toHaveBeenCalledTimes(1);
    await answered();
    expect(liq()).not.toBe(before);
    page.form.append(document.createElement('i')); // a mutation that changes nothing read
    await wait(0);
    await nextFrame();
    expect(forms()).toHaveLength(2);
  });

  describe('off the keystroke’s path', () => {
    let idle: Array<() => void>;
    const w = window as unknown as Record<string, unknown>;
    beforeEach(() => {
      idle = [];
      w.requestIdleCallback = (run: () => void) => idle.push(run);
      w.cancelIdleCallback = (handle: number) => void (idle[handle - 1] = () => undefined);
    });
    afterEach(() => {
      delete w.requestIdleCallback;
      delete w.cancelIdleCallback;
    });
    const runIdle = () => idle.splice(0).forEach((run) => run());
    const fulls = () => reads.mock.calls.filter((c) => (c[2] ?? 'full') === 'full').length;

    it('the page writing its own figure text in the form causes no full read in the next frame, only at idle time', async () => {
      const cost = document.createElement('div');
      cost.append('Cost ', document.createElement('b'), ' USDT');
      const figure = cost.querySelector('b')!;
      figure.textContent = '650.00';
      page.form.append(cost);
      await wait(0);
      await nextFrame();
      await answered();
      runIdle();
      reads.mockClear();
      figure.firstChild!.nodeValue = '1300.00'; // as React updates a text node
      await wait(0);
      await nextFrame();
      figure.textContent = '1950.00'; // as a page that replaces the text node
      await wait(0);
      await nextFrame();
      expect(fulls()).toBe(0);
      expect(idle).toHaveLength(1); // one full read to be sure, when the page is idle
      runIdle();
      expect(fulls()).toBe(1);
    });

    it('text of a control in the form (a leverage button) is read in full in the next frame', async () => {
      const lever = document.createElement('button');
      lever.type = 'button';
      lever.append(document.createElement('span'));
      lever.firstElementChild!.textContent = '10x';
      page.form.append(lever);
      await wait(0);
      await nextFrame();
      await answered();
      reads.mockClear();
      lever.firstElementChild!.firstChild!.nodeValue = '20x';
      await wait(0);
      await nextFrame();
      expect(fulls()).toBe(1);
    });

    it('figure text is re-read at once by the reader’s cheap path', async () => {
      session!.stop();
      const refresh = vi.fn((previous: FormReading) =>
        previous.status === 'ok' ? fakeReader.read(document, URL_) : null,
      );
      session = startSession({
        win: window,
        doc: document,
        reader: { ...fakeReader, refresh },
        url: URL_,
        ext,
        settings: () => s,
        onInvalidated: () => undefined,
        now: () => now,
      });
      const total = document.createElement('span');
      total.textContent = '1';
      page.form.append(total);
      await wait(0);
      await nextFrame();
      refresh.mockClear();
      total.textContent = '2';
      await wait(0);
      expect(refresh).toHaveBeenCalledTimes(1);
    });

    it('deferred: nothing is read at start, the first Buy click is still held, and the read follows it', async () => {
      session!.stop();
      await answered();
      const before = forms().length;
      reads.mockClear();
      session = startSession({
        win: window,
        doc: document,
        reader: fakeReader,
        url: URL_,
        ext,
        settings: () => s,
        onInvalidated: () => undefined,
        now: () => now,
        firstRead: 'deferred',
      });
      expect(reads).not.toHaveBeenCalled();
      expect(forms()).toHaveLength(before);
      expect(idle).toHaveLength(1);
      const clicks: string[] = [];
      const seen = (e: Event) => clicks.push((e.target as Element).id);
      document.addEventListener('click', seen);
      try {
        page.buy.click(); // before any reading: held while its order is checked
        expect(clicks).toEqual([]);
        expect(reads.mock.calls.map((c) => c[2])).toEqual(['order']);
        await wait(0); // the full read after the click
        await answered();
        expect(forms().length).toBeGreaterThan(before);
        page.buy.click();
        expect(clicks).toEqual(['buy']);
        runIdle();
        expect(fulls()).toBe(1); // the idle read was dropped: the session had begun
      } finally {
        document.removeEventListener('click', seen);
      }
    });

    it('deferred: the first read comes at idle time, or at the first touch of the page', async () => {
      session!.stop();
      reads.mockClear();
      const deferred = () =>
        startSession({
          win: window,
          doc: document,
          reader: fakeReader,
          url: URL_,
          ext,
          settings: () => s,
          onInvalidated: () => undefined,
          now: () => now,
          firstRead: 'deferred',
        });
      session = deferred();
      runIdle();
      expect(fulls()).toBe(1);
      await answered();
      expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).not.toBeNull(); // the overlay, with the first answer
      session.stop();
      reads.mockClear();
      session = deferred();
      page.price.dispatchEvent(new Event('pointerdown', { bubbles: true }));
      expect(fulls()).toBe(0); // not inside the page's own event
      await nextFrame();
      expect(fulls()).toBe(1);
    });

    it('deferred: the popup asking for the page report reads the form first', async () => {
      session!.stop();
      session = startSession({
        win: window,
        doc: document,
        reader: fakeReader,
        url: URL_,
        ext,
        settings: () => s,
        onInvalidated: () => undefined,
        now: () => now,
        firstRead: 'deferred',
      });
      expect(await session.report()).toMatchObject({ venue: 'binance-usdm' });
    });

    it('deferred in a hidden tab: no idle callback until the tab is shown', async () => {
      session!.stop();
      let visibility: DocumentVisibilityState = 'hidden';
      const shown = vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
      try {
        session = startSession({
          win: window,
          doc: document,
          reader: fakeReader,
          url: URL_,
          ext,
          settings: () => s,
          onInvalidated: () => undefined,
          now: () => now,
          firstRead: 'deferred',
        });
        expect(idle).toHaveLength(0);
        visibility = 'visible';
        document.dispatchEvent(new Event('visibilitychange'));
        expect(idle).toHaveLength(1);
      } finally {
        shown.mockRestore();
      }
    });
  });

  it('typing uses the reader’s fast path while the form’s DOM is unchanged, a full read otherwise', async () => {
    await answered();
    session!.stop();
    const refresh = vi.fn((previous: FormReading) =>
      previous.status === 'ok' ? fakeReader.read(document, URL_) : null,
    );
    session = startSession({
      win: window,
      doc: document,
      reader: { ...fakeReader, refresh },
      url: URL_,
      ext,
      settings: () => s,
      onInvalidated: () => undefined,
      now: () => now,
    });
    reads.mockClear();
    type(page.size, '0.2');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(reads).toHaveBeenCalledTimes(1); // the spy inside refresh; no full read around it
    expect(forms().at(-1)).toMatchObject({ form: { size: { value: '0.2' } } });
    // The page changed the form in the same task: its mutation records are pending, so read in full.
    page.form.append(document.createElement('span'));
    refresh.mockClear();
    type(page.size, '0.3');
    expect(refresh).not.toHaveBeenCalled();
    expect(forms().at(-1)).toMatchObject({ form: { size: { value: '0.3' } } });
  });

  it('an unreadable form says so at once, with what is missing', () => {
    type(page.price, 'abc');
    expect(root().getAttribute(ATTR.state)).toBe('unrecognised');
    expect(root().getAttribute(ATTR.missing)).toBe('price');
    expect(forms().at(-1)).toMatchObject({ form: null, symbol: 'BTCUSDT' });
  });

  it('a late answer: the last quotes stay, marked updating, until it arrives', async () => {
    await answered();
    bg.answering = false;
    const before = liq();
    type(page.leverage, '20');
    await wait(PENDING_AFTER_MS / 2);
    expect(root().hasAttribute(ATTR.pending)).toBe(false); // a normal round trip shows no marker
    await wait(PENDING_AFTER_MS);
    expect(root().getAttribute(ATTR.pending)).toBe('true');
    expect(shadow!.querySelector('.pending')?.textContent).toBe('updating…');
    expect(liq()).toBe(before);
    bg.release();
    await answered();
    expect(root().hasAttribute(ATTR.pending)).toBe(false);
    expect(liq()).not.toBe(before);
  });

  it('with no answer at all it says it is waiting instead of showing nothing', async () => {
    session!.stop();
    bg.answering = false;
    shadow = undefined;
    start();
    await wait(PENDING_AFTER_MS / 2);
    expect(shadow).toBeUndefined(); // a normal first round trip draws nothing early
    await wait(PENDING_AFTER_MS);
    expect(root().getAttribute(ATTR.state)).toBe('waiting');
    expect(root().textContent).toContain('Waiting for Margin Preflight');
    bg.release();
    await answered();
    expect(root().getAttribute(ATTR.state)).toBe('ok');
  });

  it('ages the mark on its own clock, and shows the background’s re-computed quotes', async () => {
    bg.market.snapshot = withMark('65010.2');
    bg.resend();
    await answered();
    expect(root().getAttribute(ATTR.mark)).toBe('live');
    expect(shadow!.querySelector(`[${ATTR.figure}="markAgeMs"]`)?.textContent).toBe('0 s old');
    now += 20_000;
    session!.refresh(); // the 1 s tick
    await nextFrame();
    expect(root().getAttribute(ATTR.mark)).toBe('stale');
    expect(shadow!.querySelector(`[${ATTR.figure}="markAgeMs"]`)?.textContent).toBe('20 s old, stale');
    bg.resend(); // the background saw the mark cross its age and quoted again
    await answered();
    expect(shadow!.querySelector(`[${ATTR.banner}="mark-stale"]`)?.textContent).toBe(
      'Mark price stale (20 s) — figures use your limit price',
    );
  });

  it('after a reconnect the form is sent again with a new seq, and the quotes stay up', async () => {
    await answered();
    const before = liq();
    bg.answering = false;
    ext.port.drop();
    await wait(300);
    expect(ext.ports).toHaveLength(2);
    expect(ext.port.sent).toEqual([expect.objectContaining({ type: 'cs→bg:form-changed', seq: 2, symbol: 'BTCUSDT' })]);
    expect(liq()).toBe(before);
    await wait(PENDING_AFTER_MS);
    expect(root().getAttribute(ATTR.pending)).toBe('true');
    bg.release();
    await answered();
    expect(root().hasAttribute(ATTR.pending)).toBe(false);
  });

  it('holds a risky submit and shows why in the overlay', async () => {
    type(page.leverage, '50');
    await answered();
    page.buy.click();
    expect(root().getAttribute(ATTR.guard)).toBe('LIQUIDATION_NEAR');
    expect(shadow!.querySelector('[role="alert"]')?.textContent).toMatch(
      /^Held once: liquidation .* \(your limit 5 %\)\. Click again to submit\.$/,
    );
    type(page.leverage, '40'); // any change re-arms and clears the notice
    expect(root().hasAttribute(ATTR.guard)).toBe(false);
  });

  it("a click on an order whose answer is in flight is held as unchecked, then shows that order's reasons, then passes", async () => {
    const clicks: string[] = [];
    document.addEventListener('click', (e) => clicks.push((e.target as Element).id));
    type(page.leverage, '2');
    await answered();
    bg.answering = false;
    type(page.leverage, '50'); // answer in flight: the quotes shown are for 2×, which has no reason
    page.buy.click();
    expect(clicks).toEqual([]);
    expect(root().getAttribute(ATTR.guard)).toBe('ORDER_UNCHECKED');
    page.buy.click(); // still checking: held again
    expect(clicks).toEqual([]);
    bg.release();
    await answered();
    expect(root().getAttribute(ATTR.guard)).toBe('LIQUIDATION_NEAR');
    page.buy.click();
    expect(clicks).toEqual(['buy']);
  });

  it('a click on an unanswered order with no reason: held while checking, the answer clears it, the next click passes', async () => {
    const clicks: string[] = [];
    document.addEventListener('click', (e) => clicks.push((e.target as Element).id));
    await answered();
    bg.answering = false;
    type(page.leverage, '3');
    page.buy.click();
    expect(clicks).toEqual([]);
    bg.release();
    await answered();
    expect(root().hasAttribute(ATTR.guard)).toBe(false);
    page.buy.click();
    expect(clicks).toEqual(['buy']);
  });

  it('no answer within CHECK_BOUND_MS: the notice says the order could not be checked; the next click passes', async () => {
    const clicks: string[] = [];
    document.addEventListener('click', (e) => clicks.push((e.target as Element).id));
    await answered();
    bg.answering = false;
    type(page.leverage, '3');
    page.buy.click();
    expect(clicks).toEqual([]);
    now += CHECK_BOUND_MS;
    await wait(CHECK_BOUND_MS + 50);
    expect(root().getAttribute(ATTR.guard)).toBe('ORDER_UNCHECKED');
    expect(shadow!.querySelector('[role="alert"]')?.textContent).toMatch(/could not be checked/);
    page.buy.click();
    expect(clicks).toEqual(['buy']);
  });

  it('a ticking account does not re-arm a held order', async () => {
    const clicks: string[] = [];
    document.addEventListener('click', (e) => clicks.push((e.target as Element).id));
    type(page.leverage, '50');
    await answered();
    page.buy.click();
    expect(clicks).toEqual([]);
    // The account ticks: a new reading (and answer) for the same order.
    for (const balance of ['5000', '5000.1', '4999.9']) {
      page.form.dataset['balance'] = balance;
      await wait(0);
      await nextFrame();
      await answered();
    }
    page.buy.click();
    expect(clicks).toEqual(['buy']);
  });

  it('the personal maximum leverage is held at the click from the form alone, before any answer', async () => {
    const strict = settings({ minLiquidationDistance: '0.05', maxLeverage: '5' });
    session!.stop();
    bg.answering = false;
    session = startSession({
      win: window,
      doc: document,
      reader: fakeReader,
      url: URL_,
      ext,
      settings: () => strict,
      onInvalidated: () => undefined,
      now: () => now,
    });
    const clicks: string[] = [];
    document.addEventListener('click', (e) => clicks.push((e.target as Element).id));
    page.leverage.value = '20';
    page.buy.click();
    expect(clicks).toEqual([]);
  });

  it('watches what the reading used outside the form: a change there is read and sent', async () => {
    await answered();
    session!.stop();
    const account = document.createElement('div');
    account.dataset['balance'] = '5000';
    document.body.append(account);
    // A reader that takes the balance from an account panel outside the form, and says it did.
    const reader = {
      ...fakeReader,
      read: (doc: Document, url: URL, scope: 'full' | 'order' = 'full'): FormReading => {
        const r = fakeReader.read(doc, url, scope);
        if (r.status !== 'ok' || scope === 'order') return r;
        return { ...r, form: { ...r.form, availableBalance: account.dataset['balance'] ?? null }, watched: [account] };
      },
    };
    session = startSession({
      win: window,
      doc: document,
      reader,
      url: URL_,
      ext,
      settings: () => s,
      onInvalidated: () => undefined,
      now: () => now,
    });
    expect(forms().at(-1)).toMatchObject({ form: { availableBalance: '5000' } });
    account.dataset['balance'] = '4000';
    await wait(0);
    await nextFrame();
    expect(forms().at(-1)).toMatchObject({ form: { availableBalance: '4000' } });
  });

  it('a value the page sets without an event is followed while the form is focused, not while idle', async () => {
    await answered();
    page.size.focus();
    page.size.value = '0.5'; // a slider's script, no input event
    await nextFrame();
    await nextFrame();
    expect(forms().at(-1)).toMatchObject({ form: { size: { value: '0.5' } } });
    page.size.blur();
    now += ACTIVE_MS + 1; // long after the last use
    await nextFrame();
    const sent = forms().length;
    page.size.value = '0.7';
    await nextFrame();
    await nextFrame();
    expect(forms().length).toBe(sent);
  });

  it('probing a form whose full reading is unreadable for an account reason does not read the whole page every frame', async () => {
    await answered();
    session!.stop();
    // The order fields read fine; the account part of the page does not (as a half-rendered positions table).
    const full = vi.fn((): FormReading => ({ status: 'unrecognised', missing: ['positions'], matched: {} }));
    const reader = {
      ...fakeReader,
      read: (doc: Document, url: URL, scope: 'full' | 'order' = 'full') =>
        scope === 'order' ? fakeReader.read(doc, url, scope) : full(),
    };
    session = startSession({
      win: window,
      doc: document,
      reader,
      url: URL_,
      ext,
      settings: () => s,
      onInvalidated: () => undefined,
      now: () => now,
    });
    page.size.focus();
    for (let i = 0; i < 6; i++) await nextFrame();
    // The first probe finds an order where the reading had none and reads once; later probes compare with it.
    expect(full.mock.calls.length).toBeLessThanOrEqual(2);
    full.mockClear();
    page.size.value = '0.4'; // a change of the order fields is still read in full
    await nextFrame();
    await nextFrame();
    expect(full).toHaveBeenCalled();
    page.size.blur();
  });

  it('a form still arriving: a not-recognised reading is read again on the 1 s tick, even outside the root read so far', async () => {
    session!.stop();
    const before = forms().length;
    const last = () => forms().slice(before).at(-1);
    // As Kraken's reader anchors its root on the fields found so far: only the price is there yet.
    page.size.remove();
    const reader = { ...fakeReader, formRoot: (doc: Document) => doc.getElementById('price') };
    session = startSession({
      win: window,
      doc: document,
      reader,
      url: URL_,
      ext,
      settings: () => s,
      onInvalidated: () => undefined,
      now: () => now,
    });
    const sentForms = () =>
      forms()
        .slice(before)
        .filter((m) => m.form !== null);
    await answered();
    expect(sentForms()).toEqual([]);
    page.form.append(page.size); // the field arrives where nothing the reading used is watched
    await nextFrame();
    expect(sentForms()).toEqual([]);
    session!.refresh();
    await nextFrame();
    expect(last()).toMatchObject({ form: expect.objectContaining({ size: { unit: 'base', value: '0.1' } }) });
  });

  it('the click reads only the order fields (scope "order")', async () => {
    type(page.leverage, '2');
    await answered();
    reads.mockClear();
    page.buy.click();
    expect(reads.mock.calls.map((c) => c[2])).toEqual(['order']);
  });

  it('puts the overlay host back when the page replaces <html>', async () => {
    await answered();
    const host = () => document.querySelector(`[${HOST_ATTRIBUTE}]`);
    expect(host()).not.toBeNull();
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(`[${HOST_ATTRIBUTE}]`).forEach((n) => n.remove());
    // (happy-dom refuses replaceChild of the document element; a removal and an append are the same change)
    document.documentElement.remove();
    document.append(copy);
    expect(host()).toBeNull();
    session!.structureChanged();
    expect(host()).not.toBeNull();
    expect(host()!.parentNode).toBe(document.documentElement);
  });

  it('a refused answer drops the figures, says why, and the guard does not act on the old quote', async () => {
    bg.market.snapshot = withMark('65000');
    type(page.leverage, '50');
    await answered();
    expect(liq()).toBeTruthy();
    type(page.price, '65'); // "65.000" read as 65: a misread, not a trade
    await answered();
    expect(root().getAttribute(ATTR.state)).toBe('refused');
    expect(root().getAttribute(ATTR.reason)).toBe('IMPLAUSIBLE:price');
    expect(liq()).toBeUndefined();
    expect(root().textContent).toMatch(/probably misread/);
    const clicks: string[] = [];
    document.addEventListener('click', (e) => clicks.push((e.target as Element).id));
    page.buy.click();
    expect(clicks).toEqual(['buy']); // 50× would be held, but no figures are known for this form
  });

  it('dims and lets pointer events through while the page shows a modal dialog', async () => {
    await answered();
    const host = document.querySelector(`[${HOST_ATTRIBUTE}]`) as HTMLElement;
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.hidden = true;
    document.body.append(dialog);
    const open = document.createElement('button');
    document.body.append(open);
    open.click();
    await nextFrame();
    expect(host.style.getPropertyValue('pointer-events')).toBe('auto'); // hidden: not shown
    dialog.hidden = false;
    open.click();
    await nextFrame();
    expect(host.style.getPropertyValue('pointer-events')).toBe('none');
    expect(host.style.getPropertyPriority('pointer-events')).toBe('important');
    expect(root().hasAttribute(ATTR.dimmed)).toBe(true);
    dialog.remove();
    session!.refresh();
    await nextFrame();
    expect(host.style.getPropertyValue('pointer-events')).toBe('auto');
    expect(root().hasAttribute(ATTR.dimmed)).toBe(false);
  });

  it('measures input → overlay update (happy-dom; the real budget is measured in Chromium)', async () => {
    await answered();
    const latencies: number[] = [];
    for (let i = 0; i < 60; i++) {
      const before = liq();
      const t0 = performance.now();
      type(page.leverage, String(5 + (i % 20)));
      await answered();
      latencies.push(performance.now() - t0);
      expect(liq()).not.toBe(before);
    }
    const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
    console.info(
      `input → overlay (happy-dom, background in-process): p50 ${p(latencies, 0.5).toFixed(2)} ms, p95 ${p(latencies, 0.95).toFixed(2)} ms`,
    );
    // A loose bound that only catches a pathological path: happy-dom on a shared 2-core machine (CI runs beside other work)
    // is far slower and noisier than a browser; the real latency is measured in Chromium by `npm run bench`.
    expect(p(latencies, 0.95)).toBeLessThan(150);
  });

  it('stop removes the overlay, every listener, observer, timer and the port', async () => {
    await answered();
    const added: Array<{ target: EventTarget; type: string; signal: AbortSignal | undefined }> = [];
    // Spy where window, document and elements really get addEventListener from (happy-dom's
    // classes, not node's global EventTarget).
    const owners = new Set<EventTarget>();
    for (const from of [window, document, page.form]) {
      let proto: object = from;
      while (!Object.hasOwn(proto, 'addEventListener')) proto = Object.getPrototypeOf(proto) as object;
      owners.add(proto as EventTarget);
    }
    const spies = [...owners].map((owner) => {
      const original = owner.addEventListener;
      return vi.spyOn(owner, 'addEventListener').mockImplementation(function (
        this: EventTarget,
        type,
        listener,
        options,
      ) {
        added.push({ target: this, type, signal: typeof options === 'object' && options ? options.signal : undefined });
        return original.call(this, type, listener, options);
      });
    });
    const disconnects = vi.spyOn(MutationObserver.prototype, 'disconnect');
    session!.stop();
    // A fresh session registers everything (the overlay with its first answer) while the spy counts.
    start();
    await answered();
    const port = ext.port;
    for (const spy of spies) spy.mockRestore();
    expect(added.length).toBeGreaterThan(5);
    const pageListeners = added.filter((a) => a.target === window || a.target === document);
    expect(pageListeners.map((a) => a.type).sort()).toEqual([
      'change',
      'click',
      'click',
      'focusin',
      'input',
      'keydown',
      'keydown',
      'resize',
      'visibilitychange',
    ]);

    disconnects.mockClear();
    session!.stop();
    session = undefined;
    // Every listener on the page (window, document, its elements) was registered with a signal,
    // and every such signal is aborted now. Not counted: abort listeners on the signals
    // themselves and Preact's handlers inside our overlay, which went away with the host.
    const listeners = added.filter((a) => a.target === window || (a.target instanceof Node && a.target.isConnected));
    expect(listeners.length).toBeGreaterThanOrEqual(6);
    expect(
      listeners.filter((a) => a.signal === undefined).map((a) => `${a.target.constructor.name}:${a.type}`),
    ).toEqual([]);
    expect(listeners.every((a) => a.signal!.aborted)).toBe(true);
    expect(disconnects).toHaveBeenCalled();
    expect(port.closed).toBe(true);
    expect(port.onMessage.listeners.size).toBe(0);
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
    // Nothing reacts any more: no read, no message, no frame.
    reads.mockClear();
    const sent = port.sent.length;
    type(page.leverage, '7');
    page.form.append(document.createElement('b'));
    await wait(20);
    expect(reads).not.toHaveBeenCalled();
    expect(port.sent).toHaveLength(sent);
    expect(ext.ports).toHaveLength(2);
  });
});
