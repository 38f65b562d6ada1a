// @vitest-environment happy-dom
// The session's next-frame work: coalesced into one frame; while an answer is on its way, the dialog
// check and the redraw stay out of that frame (a read does not) and run in a frame after it settles.
import { describe, expect, it, vi } from 'vitest';
import { frameSchedule } from '../../src/content/frame-schedule';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function setup(pending: { now: boolean }) {
  const work = { read: vi.fn(), checkModal: vi.fn(), render: vi.fn(), answerPending: () => pending.now };
  const life = new AbortController();
  return { work, life, schedule: frameSchedule(window, life.signal, work) };
}

describe('frameSchedule', () => {
  it('does a read and a dialog check asked for before the frame once, then draws', async () => {
    const { work, schedule } = setup({ now: false });
    schedule({ read: true });
    schedule({ modal: true });
    schedule({ read: true });
    expect(work.read).not.toHaveBeenCalled();
    await nextFrame();
    expect(work.read).toHaveBeenCalledTimes(1);
    expect(work.checkModal).toHaveBeenCalledTimes(1);
    expect(work.render).toHaveBeenCalledTimes(1);
  });

  it('keeps the dialog check and the redraw out of a frame with an answer pending; reads still run', async () => {
    const pending = { now: true };
    const { work, schedule } = setup(pending);
    schedule({ read: true, modal: true });
    await nextFrame();
    await nextFrame();
    expect(work.read).toHaveBeenCalledTimes(1);
    expect(work.checkModal).not.toHaveBeenCalled();
    expect(work.render).not.toHaveBeenCalled();
    pending.now = false; // the answer is drawn
    schedule.settled();
    expect(work.checkModal).not.toHaveBeenCalled(); // not in the answer's own task either
    await nextFrame();
    expect(work.checkModal).toHaveBeenCalledTimes(1);
    expect(work.render).toHaveBeenCalledTimes(1);
  });

  it('settling with nothing waiting asks for no frame', async () => {
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    const { schedule } = setup({ now: false });
    schedule.settled();
    expect(raf).not.toHaveBeenCalled();
    raf.mockRestore();
  });

  it('stopping cancels the frame', async () => {
    const { work, life, schedule } = setup({ now: false });
    schedule({ read: true, modal: true });
    life.abort();
    await nextFrame();
    expect(work.read).not.toHaveBeenCalled();
    expect(work.render).not.toHaveBeenCalled();
  });
});
