// Teach mode's flow in a session (issue 14). The trader is walked through the steps one at a time;
// after each pick the element's locator (dom/locator.ts) is stored for this page, the form is read
// again with it, and the next step comes from the new reading, so a step the pick made needless
// is never asked. A pick whose unit the element cannot tell (Kraken's size field) is followed by one
// question. An element that cannot be recognised again is refused: the trader picks another.
// While a run is on, the picker (picker.ts) keeps every click and Enter away from the exchange.
// Outside a run this module says what the overlay shows of it: the offer, the keys read through
// taught fields, a taught field no longer found, and the page report.
import type { PageTools, TeachPanelView, ToolActions } from '../../ui/overlay/tools-types';
import { locatorFor, type Locator } from '../../venues/dom/locator';
import type { VenueReader } from '../../venues/readers';
import { teachSteps, type TeachPrompt, type TeachStep } from '../../venues/teach';
import type { FormReading } from '../../venues/types';
import type { OverlayDrawer } from '../overlay-drawer';
import { startPicker, type Picker } from './picker';

type Locators = Readonly<Record<string, Locator>>;

export interface TeachingDeps {
  win: Window;
  doc: Document;
  signal: AbortSignal;
  reader: VenueReader;
  drawer: Pick<OverlayDrawer, 'tools' | 'outline' | 'owns'>;
  url: () => URL;
  reading: () => FormReading | null;
  /** This page's stored locators (null: none). */
  stored: () => Locators | null;
  /** Read the page with these locators from now on (null: none), and read the form again at once. */
  use: (locators: Locators | null) => void;
  /** Store this page's locators (null: forget the page). */
  persist: (locators: Locators | null) => void;
  /** The page report as text (null before the first reading): at once when its module is in, else on arrival. */
  reportText: () => string | null | Promise<string | null>;
  locate?: (el: Element) => Locator | null;
}

export interface Teaching {
  /** What the overlay's buttons call. */
  readonly actions: ToolActions;
  /** Starts teach mode (from the overlay or the popup); false when nothing can be taught (a run on counts as started). */
  start(fresh?: boolean): boolean;
  readonly active: boolean;
  /** The reading changed: redraw what the overlay says of taught fields. */
  update(): void;
}

interface Run {
  mode: 'missing' | 'all';
  step: TeachStep;
  done: Set<TeachPrompt>;
  working: Record<string, Locator>;
  /** A pick waiting for the unit question's answer. */
  pendingUnit: Locator | null;
  refused: boolean;
  picker: Picker;
  life: AbortController;
}

/** Whether a stored key is missing from the reading (itself, or what its step covers: Kraken's "size"). */
function lostIn(reading: FormReading | null, stored: Locators | null, steps: readonly TeachStep[]): boolean {
  if (reading?.status !== 'unrecognised' || stored === null) return false;
  const missing = new Set(reading.missing);
  return Object.keys(stored).some(
    (key) =>
      missing.has(key) ||
      steps.some((s) => (s.keys as readonly string[]).includes(key) && (s.covers ?? []).some((c) => missing.has(c))),
  );
}

/** Base and quote of the market in the URL's last segment ("margin-btc-usd" → BTC, USD), when it says. */
export function pairOfPath(url: URL): { base: string | null; quote: string | null } {
  const last =
    url.pathname
      .split('/')
      .filter((s) => s !== '')
      .pop() ?? '';
  const parts = last.replace(/^margin-/i, '').split(/[-_]/);
  const ok = parts.length === 2 && parts.every((p) => /^[a-z0-9]{2,12}$/i.test(p));
  return ok ? { base: parts[0]!.toUpperCase(), quote: parts[1]!.toUpperCase() } : { base: null, quote: null };
}

export function createTeaching(deps: TeachingDeps): Teaching {
  const { reader, drawer } = deps;
  const locate = deps.locate ?? locatorFor;
  let run: Run | null = null;
  let report: PageTools['report'] = null;
  let drawn = '';

  const stepsNow = (mode: Run['mode']): readonly TeachStep[] => {
    const reading = deps.reading();
    return mode === 'all' || reading === null ? reader.teach : teachSteps(reading, reader.teach);
  };
  const nextStep = (r: Pick<Run, 'mode' | 'done'>): TeachStep | null =>
    stepsNow(r.mode).find((s) => !r.done.has(s.prompt)) ?? null;

  function panel(r: Run): TeachPanelView {
    return { prompt: r.step.prompt, unit: r.pendingUnit === null ? null : pairOfPath(deps.url()), refused: r.refused };
  }

  function draw(): void {
    const reading = deps.reading();
    const tools: PageTools = {
      canTeach: reading !== null && teachSteps(reading, reader.teach).length > 0,
      teaching: run === null ? null : panel(run),
      taught: [...(reading?.taught ?? [])],
      lost: run === null && lostIn(reading, deps.stored(), reader.teach),
      report,
    };
    const key = JSON.stringify(tools);
    if (key === drawn) return;
    drawn = key;
    drawer.tools(tools);
  }

  function finish(): void {
    run?.life.abort();
    run = null;
    drawer.outline(null);
    draw();
  }

  /** The step is answered (or skipped): on to the next one the reading still needs, or done. */
  function advance(r: Run): void {
    r.done.add(r.step.prompt);
    r.refused = false;
    r.pendingUnit = null;
    const next = nextStep(r);
    if (next === null || run !== r) return finish();
    r.step = next;
    r.picker.setKind(next.element);
    draw();
  }

  function save(r: Run, key: string, loc: Locator): void {
    // A unit answered again the other way: the other key must not keep the same field.
    for (const other of r.step.keys) delete r.working[other];
    r.working[key] = loc;
    deps.persist({ ...r.working });
    deps.use({ ...r.working });
    advance(r);
  }

  function picked(el: Element): void {
    const r = run;
    if (r === null || r.pendingUnit !== null) return;
    const loc = locate(el);
    r.refused = loc === null;
    if (loc === null) return draw();
    if (r.step.ask === 'unit') {
      r.pendingUnit = loc;
      return draw();
    }
    save(r, r.step.keys[0], loc);
  }

  function start(fresh = false): boolean {
    if (run !== null) return true;
    if (deps.signal.aborted) return false;
    const working: Record<string, Locator> = fresh ? {} : { ...deps.stored() };
    // Redo: the page is read without the earlier picks, so the steps are the built-in reader's misses.
    if (fresh) deps.use(working);
    const missing = stepsNow('missing');
    const mode: Run['mode'] = missing.length > 0 ? 'missing' : 'all';
    const first = nextStep({ mode, done: new Set() });
    if (first === null) return false;
    const life = new AbortController();
    deps.signal.addEventListener('abort', () => life.abort(), { signal: life.signal });
    const picker = startPicker({
      win: deps.win,
      doc: deps.doc,
      signal: life.signal,
      ours: drawer.owns,
      onHover: drawer.outline,
      onPick: picked,
      onCancel: cancel,
    });
    picker.setKind(first.element);
    run = { mode, step: first, done: new Set(), working, pendingUnit: null, refused: false, picker, life };
    report = null;
    draw();
    return true;
  }

  function cancel(): void {
    if (run === null) return;
    finish();
    // What is stored is what the page uses: a redo given up keeps the earlier picks.
    deps.use(deps.stored());
  }

  function copyReport(): void {
    const text = deps.reportText();
    // Normally at once (the overlay that has the button has the module), so the click's activation holds for the clipboard.
    if (text instanceof Promise) return void text.then(copyText, () => undefined);
    copyText(text);
  }

  function copyText(text: string | null): void {
    if (text === null) return;
    const shown = (): void => {
      report = { state: 'shown', text };
      draw();
    };
    const clipboard = deps.win.navigator.clipboard as Clipboard | undefined;
    if (clipboard === undefined) return shown();
    clipboard.writeText(text).then(() => {
      report = { state: 'copied' };
      draw();
    }, shown);
  }

  const actions: ToolActions = {
    teach: () => void start(false),
    cancel,
    skip: () => run !== null && advance(run),
    choose(unit) {
      const r = run;
      if (r === null || r.pendingUnit === null) return;
      save(r, (unit === 'quote' ? r.step.keys[1] : undefined) ?? r.step.keys[0], r.pendingUnit);
    },
    next: () => run?.picker.next(),
    previous: () => run?.picker.previous(),
    pick: () => run?.picker.pick(),
    redo: () => void start(true),
    forget() {
      deps.persist(null);
      deps.use(null);
      draw();
    },
    report: copyReport,
  };

  return {
    actions,
    start,
    get active() {
      return run !== null;
    },
    update: draw,
  };
}
