// Typed events to any number of listeners, at most `maxPerSec` deliveries a second in all.
// Over the budget, the newest payload of each kind waits and goes out at the next slot (older
// ones of the same kind are replaced), so a UI sees the latest state at a bounded rate whatever
// the load. Kinds listed as `immediate` (rare state changes) are never delayed or dropped.
import type { LabEventName, LabEvents } from '../common/labApi.ts';

type Listener<E extends LabEventName> = (payload: LabEvents[E]) => void;
type AnyListener = (payload: never) => void;

export interface EventHubOptions {
  maxPerSec: number;
  immediate: readonly LabEventName[];
  now?: () => number;
}

export class EventHub {
  private readonly listeners = new Map<LabEventName, Set<AnyListener>>();
  private readonly pending = new Map<LabEventName, unknown>();
  private readonly sentAtMs: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  /** Deliveries made, for tests and the benchmark. */
  delivered = 0;

  constructor(private readonly options: EventHubOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  on<E extends LabEventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as AnyListener);
    return () => set.delete(listener as AnyListener);
  }

  emit<E extends LabEventName>(event: E, payload: LabEvents[E]): void {
    if (this.options.immediate.includes(event)) {
      this.deliver(event, payload);
      return;
    }
    this.pending.delete(event); // re-insert so the oldest waiting kind goes first
    this.pending.set(event, payload);
    this.flush();
  }

  /** Delivers what waits; call before emitting a final event so nothing older arrives after it. */
  flush(): void {
    while (this.pending.size > 0 && this.hasBudget()) {
      const [event, payload] = this.pending.entries().next().value as [LabEventName, unknown];
      this.pending.delete(event);
      this.deliver(event, payload as never);
    }
    if (this.pending.size > 0 && this.timer === null) {
      const waitMs = Math.max(1, (this.sentAtMs[0] ?? this.now()) + 1000 - this.now());
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, waitMs);
    }
  }

  /** Drops what waits and stops the timer. */
  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private hasBudget(): boolean {
    const cutoff = this.now() - 1000;
    while (this.sentAtMs.length > 0 && (this.sentAtMs[0] ?? 0) <= cutoff) this.sentAtMs.shift();
    return this.sentAtMs.length < this.options.maxPerSec;
  }

  private deliver<E extends LabEventName>(event: E, payload: LabEvents[E]): void {
    if (!this.options.immediate.includes(event)) this.sentAtMs.push(this.now());
    this.delivered += 1;
    for (const listener of this.listeners.get(event) ?? []) (listener as Listener<E>)(payload);
  }
}
