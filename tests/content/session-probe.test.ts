// @vitest-environment happy-dom
// The per-frame probe while the form is in use (a value a page script sets fires no event): with
// nothing observed changed and the field values as last seen it parses nothing; when a value moved
// it reads the typed values by the reader's fast path, not the order fields, and follows the change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession, type Session } from '../../src/content/session';
import type { CsToBg } from '../../src/messaging/messages';
import type { VenueReader } from '../../src/venues/readers';
import type { FormReading } from '../../src/venues/types';
import { FakeBackground } from './fake-background';
import { FakeExt } from './fake-ext';
import { buildPage, fakeReader } from './fake-page';
import { settings } from './fixtures';

const URL_ = new URL('https://www.binance.com/futures/BTCUSDT');
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
type FormChanged = Extract<CsToBg, { type: 'cs→bg:form-changed' }>;

describe('session: the per-frame probe', () => {
  const s = settings({});
  let ext: FakeExt;
  let page: ReturnType<typeof buildPage>;
  let session: Session | undefined;
  const read = vi.fn(fakeReader.read);
  /** As a venue's fast path: the previous reading with the size input read again. */
  const refresh = vi.fn((previous: FormReading): FormReading | null => {
    if (previous.status !== 'ok' || !/^\d+(\.\d+)?$/.test(page.size.value)) return null;
    return { ...previous, form: { ...previous.form, size: { ...previous.form.size, value: page.size.value } } };
  });
  const forms = () =>
    ext.ports
      .flatMap((p) => p.sent)
      .filter((m): m is FormChanged => (m as { type: string }).type === 'cs→bg:form-changed');
  const orderReads = () => read.mock.calls.filter((c) => c[2] === 'order').length;

  const startWith = (reader: VenueReader) => {
    session = startSession({
      win: window,
      doc: document,
      reader,
      url: URL_,
      ext,
      settings: () => s,
      onInvalidated: () => session?.stop(),
      now: Date.now,
    });
  };

  beforeEach(async () => {
    ext = new FakeExt();
    page = buildPage(document);
    new FakeBackground(ext, { settings: s, now: Date.now });
    read.mockClear();
    refresh.mockClear();
    startWith({ ...fakeReader, read, refresh });
    await wait(0); // the fake background answers in a microtask
  });
  afterEach(() => {
    page.size.blur();
    session?.stop();
    session = undefined;
  });

  it('parses nothing while the field values stay as read, and only the typed values when one changes', async () => {
    page.size.focus();
    for (let i = 0; i < 6; i++) await nextFrame();
    expect(refresh).not.toHaveBeenCalled();
    expect(orderReads()).toBe(0);
    page.price.value = '65000'; // the same value again: nothing changed
    await nextFrame();
    expect(refresh).not.toHaveBeenCalled();
    page.size.value = '0.3'; // a script, no event
    await nextFrame();
    await nextFrame();
    expect(refresh).toHaveBeenCalled();
    expect(orderReads()).toBe(0);
  });

  it('still follows a value the page sets without an event', async () => {
    page.size.focus();
    await nextFrame();
    page.size.value = '0.5'; // a slider's script: no input event, no DOM change
    await nextFrame();
    await nextFrame();
    expect(forms().at(-1)).toMatchObject({ form: { size: { value: '0.5' } } });
  });

  it('falls back to reading the order fields when the fast path cannot say', async () => {
    session!.stop();
    startWith({ ...fakeReader, read, refresh: () => null });
    await wait(0);
    read.mockClear();
    page.size.focus();
    page.size.value = '0.6'; // a script, no event
    await nextFrame();
    await nextFrame();
    expect(orderReads()).toBeGreaterThanOrEqual(1);
    await nextFrame();
    await nextFrame();
    expect(forms().at(-1)).toMatchObject({ form: { size: { value: '0.6' } } });
  });
});
