import type { EventName } from "../../shared/api/contract";

/**
 * Host events on their way to one window. Most events are news that only matters to a renderer
 * listening now (training progress), but some must not be lost while the page is still loading:
 * a file the app was launched with arrives before React has subscribed. Those are held until the
 * renderer subscribes to them (the preload says so on its first listener for an event), as
 * Fiddle's IpcMainManager holds messages until the renderer is ready.
 */
export const HELD_EVENTS: ReadonlySet<EventName> = new Set<EventName>(["app.openFile"]);

export class EventGate {
  private readonly listening = new Set<EventName>();
  private held: { event: EventName; payload: unknown }[] = [];

  constructor(private readonly send: (event: EventName, payload: unknown) => void) {}

  deliver(event: EventName, payload: unknown): void {
    if (HELD_EVENTS.has(event) && !this.listening.has(event)) this.held.push({ event, payload });
    else this.send(event, payload);
  }

  /** The renderer subscribed to `event` (send what was held for it), or dropped its last listener. */
  listen(event: EventName, listening = true): void {
    if (!listening) {
      this.listening.delete(event);
      return;
    }
    this.listening.add(event);
    const now = this.held.filter((h) => h.event === event);
    this.held = this.held.filter((h) => h.event !== event);
    for (const h of now) this.send(h.event, h.payload);
  }

  isListening(event: EventName): boolean {
    return this.listening.has(event);
  }

  /** The page is loading again (reload, crash): its listeners are gone; held events stay held. */
  reset(): void {
    this.listening.clear();
  }
}
