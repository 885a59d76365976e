/**
 * The dirty-state prompt on close, as a state machine the window's "close" event consults. The
 * renderer owns the document, so it decides: main sends `app.closeRequested`, the renderer asks
 * the user if there are unsaved changes and answers with `app.closeResponse`. A renderer that never
 * subscribed to the event (still loading, or crashed) cannot answer, so the window just closes.
 */
export type CloseDecision =
  /** Let the window close. */
  | "close"
  /** Prevent the close and send `app.closeRequested`. */
  | "ask"
  /** Prevent the close: the renderer is already asking the user. */
  | "wait";

export class CloseGuard {
  private state: "idle" | "asking" | "confirmed" = "idle";

  /** The window is about to close. */
  attempt(renderer: { listening: boolean; alive: boolean }): CloseDecision {
    if (this.state === "confirmed" || !renderer.listening || !renderer.alive) return "close";
    if (this.state === "asking") return "wait";
    this.state = "asking";
    return "ask";
  }

  /** The renderer's answer: "close" when the window should now be closed, "stay" otherwise. */
  answer(proceed: boolean): "close" | "stay" {
    if (this.state !== "asking") return "stay";
    this.state = proceed ? "confirmed" : "idle";
    return proceed ? "close" : "stay";
  }

  /** The renderer reloaded or crashed while asking: its answer will never come. */
  reset(): void {
    if (this.state === "asking") this.state = "idle";
  }

  get asking(): boolean {
    return this.state === "asking";
  }
}
