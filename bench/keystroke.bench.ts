// Keystroke → DRAWN frame, for ours and its floors, interleaved in rounds.
//
// Each subject's browser has the Kraken fixture page open with 4× CPU throttling; a probe evaluated in
// the extension's own isolated world (chrome.dom.openOrClosedShadowRoot opens our overlay's closed
// shadow root; no test hook in the extension) records:
//   - the input event's timeStamp (when the browser created the event);
//   - the first change after it of what the subject draws: ours, a figure's data-value in the overlay
//     (the "updating…" marker does not count); echo, the attribute its worker's answer sets; local, the
//     attribute its input listener sets at once;
//   - when the frame showing that change was drawn. While a sample is open the probe runs a rAF loop;
//     rAF callback k posts a message, which runs after frame k's style, layout, paint and commit. A
//     change made between rAF callback k and that message (i.e. inside frame k's rendering, e.g. by a
//     rAF-scheduled render) is drawn in frame k, any other change in frame k+1: its drawn time is when
//     that frame's message runs. This is the main thread handing the frame to the compositor, not the
//     pixels reaching a screen (headless has none), the same for every subject.
// latency = drawn − input timeStamp, on the page's performance.now() clock.
import type { CDPSession } from 'playwright-core';
import { KrakenPage } from '../e2e/harness/kraken-margin-page';
import { waitForOverlay } from '../e2e/harness/overlay';
import { HOST_ATTRIBUTE, ATTR } from '../src/ui/overlay/contract';
import { evaluateIn, extensionWorld, type Subject } from './browsers';

export const CPU_THROTTLING = 4;

/** What each subject draws in answer to a keystroke. */
const TARGETS: Partial<Record<Subject['name'], string>> = {
  ours: `(() => { const host = document.querySelector('[${HOST_ATTRIBUTE}]'); const root = host && chrome.dom.openOrClosedShadowRoot(host); if (!root) throw new Error('overlay shadow root not found'); return [root, '${ATTR.value}']; })()`,
  echo: `[document.documentElement, 'data-bench-echo']`,
  local: `[document.documentElement, 'data-bench-local']`,
};

const PROBE = (target: string) => `(() => {
  const [root, attribute] = ${target};
  const probe = { inputs: [], samples: [], waiting: [], frame: 0, unsent: new Set(), looping: false };
  const open = () => {
    const last = probe.inputs.at(-1);
    return probe.waiting.length > 0 || (last !== undefined && performance.now() - last < 3000 && !probe.samples.some((s) => s.change >= last));
  };
  const onFrame = () => {
    const k = ++probe.frame;
    probe.unsent.add(k);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      probe.unsent.delete(k);
      const drawn = performance.now();
      probe.waiting = probe.waiting.filter((w) => (w.frame === k ? (probe.samples.push({ change: w.change, drawn }), false) : true));
      poke();
    };
    channel.port2.postMessage(0);
    if (open()) requestAnimationFrame(onFrame);
    else probe.looping = false;
  };
  const loop = () => { if (!probe.looping) { probe.looping = true; requestAnimationFrame(onFrame); } };
  const poke = () => { const w = probe.wake; probe.wake = null; if (w) w(); };
  document.addEventListener('input', (e) => { probe.inputs.push(e.timeStamp); loop(); }, true);
  new MutationObserver(() => {
    const now = performance.now();
    probe.waiting.push({ change: now, frame: probe.unsent.has(probe.frame) ? probe.frame : probe.frame + 1 });
    loop();
  }).observe(root, { subtree: true, attributes: true, attributeFilter: [attribute] });
  probe.after = async (n) => {
    const end = performance.now() + 3000;
    for (;;) {
      const input = probe.inputs[n];
      const sample = input === undefined ? undefined : probe.samples.find((s) => s.change >= input);
      if (sample !== undefined) return { input, change: sample.change, drawn: sample.drawn };
      if (performance.now() > end) return null;
      await new Promise((r) => { probe.wake = r; setTimeout(r, 100); });
    }
  };
  probe.count = () => probe.inputs.length;
  globalThis.__marginPreflightBench = probe;
  return true;
})()`;

async function pressDigit(cdp: CDPSession, digit: number): Promise<void> {
  const key = String(digit);
  const base = { key, code: `Digit${key}`, windowsVirtualKeyCode: 48 + digit };
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: key, unmodifiedText: key, ...base });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}

export interface KeystrokeSamples {
  /** input → drawn frame, ms */
  drawn: number[];
  /** input → DOM change (the old figure), ms */
  change: number[];
  missed: number;
}

/** A subject's page, ready to type into; `round` types `keys` measured keystrokes. */
export interface KeystrokeRig {
  subject: Subject;
  round(keys: number, warmup: number, into: KeystrokeSamples): Promise<void>;
  close(): Promise<void>;
}

export async function keystrokeRig(subject: Subject): Promise<KeystrokeRig> {
  const target = TARGETS[subject.name];
  if (!target) throw new Error(`no keystroke target for ${subject.name}`);
  const page = await subject.session.context.newPage();
  const cdp = await subject.session.context.newCDPSession(page);
  const kraken = new KrakenPage(page);
  const ready = async () => {
    await kraken.goto();
    if (subject.name === 'ours') {
      await kraken.typeSize('0.1');
      await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay live');
    }
  };
  // The page is blank until `ready` loads it: the world is seen being created.
  const world = await extensionWorld(cdp, page, ready);
  await evaluateIn(cdp, world, PROBE(target));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  const field = page.getByRole('textbox', { name: 'Quantity', exact: true });
  let length = 7;
  return {
    subject,
    async round(keys, warmup, into) {
      await page.bringToFront();
      for (let i = 0; i < keys + warmup; i++) {
        if (length === 7) {
          await field.fill('0.1'); // not measured: back to a short value (at most 8 decimals)
          await page.waitForTimeout(300);
          await field.focus();
          await page.keyboard.press('End');
          length = 0;
        }
        const n = await evaluateIn<number>(cdp, world, 'globalThis.__marginPreflightBench.count()');
        await pressDigit(cdp, 1 + (i % 9)); // 1–9: every keystroke changes the quantity
        length += 1;
        const r = await evaluateIn<{ input: number; change: number; drawn: number } | null>(
          cdp,
          world,
          `globalThis.__marginPreflightBench.after(${n})`,
        );
        if (i < warmup) continue;
        if (r === null) into.missed += 1;
        else {
          into.drawn.push(r.drawn - r.input);
          into.change.push(r.change - r.input);
        }
      }
    },
    async close() {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
      await page.close();
    },
  };
}

/** Every subject types `rounds` × `perRound` keystrokes, taking turns round by round, so drift hits all alike. */
export async function keystrokeBench(
  subjects: Subject[],
  rounds: number,
  perRound: number,
): Promise<Map<Subject['name'], KeystrokeSamples>> {
  const rigs: KeystrokeRig[] = [];
  const out = new Map<Subject['name'], KeystrokeSamples>();
  try {
    for (const s of subjects) {
      rigs.push(await keystrokeRig(s));
      out.set(s.name, { drawn: [], change: [], missed: 0 });
    }
    for (let r = 0; r < rounds; r++)
      for (const rig of rigs) await rig.round(perRound, r === 0 ? 10 : 2, out.get(rig.subject.name)!);
  } finally {
    for (const rig of rigs) await rig.close().catch(() => {});
  }
  return out;
}
