import type { NetforgeClient } from "../../api/client";
import { applyTrainingEvents, TRAINING_EVENTS, type TrainingEvent } from "../../state/training-events";
import type { TrainingStore } from "../../state/training-store";

/** Events that change what the user can do (buttons, status): applied at once, not with the next batch. */
const PROMPT = new Set<string>(["train.started", "train.status", "train.done", "train.error", "trainer.exited"]);

export interface FeedOptions {
  /** Most frequent store update for progress and epoch events. */
  flushMs?: number;
  now?: () => number;
}

/**
 * Subscribes the training store to the host's training events. Events are queued and folded in
 * together at most every `flushMs` (charts redraw ~10 times a second however fast a tiny model's
 * epochs arrive); status changes flush on the next tick so Stop and errors show without delay.
 * Returns the function that unsubscribes. `onFlushed` hears the names of each flushed burst.
 */
export function connectTrainingFeed(
  store: TrainingStore,
  client: Pick<NetforgeClient, "on">,
  onFlushed: (names: ReadonlySet<string>) => void = () => {},
  opts: FeedOptions = {},
): () => void {
  const flushMs = opts.flushMs ?? 100;
  const now = opts.now ?? Date.now;
  const queue: TrainingEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let soon = false;
  const flush = () => {
    timer = null;
    soon = false;
    const events = queue.splice(0);
    applyTrainingEvents(store, events, now());
    onFlushed(new Set(events.map((e) => e.name)));
  };
  const schedule = (prompt: boolean) => {
    if (prompt && !soon) {
      if (timer) clearTimeout(timer);
      soon = true;
      timer = setTimeout(flush, 0);
    } else if (!timer) {
      timer = setTimeout(flush, flushMs);
    }
  };
  const offs = TRAINING_EVENTS.map((name) =>
    client.on(name, (payload: unknown) => {
      queue.push({ name, payload } as TrainingEvent);
      schedule(PROMPT.has(name));
    }),
  );
  return () => {
    for (const off of offs) off();
    if (timer) clearTimeout(timer);
  };
}
