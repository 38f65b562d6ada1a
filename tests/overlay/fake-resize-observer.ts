// happy-dom's ResizeObserver never reports. This one reports when a test says layout happened:
// flush() calls every observer with each target's size as getBoundingClientRect gives it.
export class FakeResizeObserver {
  static readonly live = new Set<FakeResizeObserver>();
  private readonly targets = new Set<Element>();

  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.live.add(this);
  }

  observe(target: Element): void {
    this.targets.add(target);
  }

  unobserve(target: Element): void {
    this.targets.delete(target);
  }

  disconnect(): void {
    this.targets.clear();
    FakeResizeObserver.live.delete(this);
  }

  /** The browser laid the page out: report every observed size. */
  static flush(): void {
    for (const observer of [...FakeResizeObserver.live]) {
      const entries = [...observer.targets].map((target) => {
        const r = target.getBoundingClientRect();
        return {
          target,
          borderBoxSize: [{ inlineSize: r.width, blockSize: r.height }],
        } as unknown as ResizeObserverEntry;
      });
      if (entries.length > 0) observer.callback(entries, observer as unknown as ResizeObserver);
    }
  }
}
