import type { EventName, EventOf } from "../../shared/api/contract";

export type AnyEventListener = (event: EventName, payload: unknown) => void;

/**
 * The host's outgoing events, typed by the contract. Transports subscribe with `onAny` and forward
 * everything; services emit by name. A listener that throws never stops the others.
 */
export class HostEvents {
  private readonly listeners = new Set<AnyEventListener>();

  emit<E extends EventName>(event: E, payload: EventOf<E>): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch {
        // One broken transport must not silence the rest.
      }
    }
  }

  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void {
    return this.onAny((name, payload) => {
      if (name === event) listener(payload as EventOf<E>);
    });
  }

  onAny(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
