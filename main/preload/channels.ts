/**
 * The only IPC channels between the preload and the main process (VS Code's `vscode:` prefix rule:
 * nothing else is ever sent or handled). Method and event names travel as arguments and are checked
 * against the contract on both sides.
 */
export const IPC_CHANNELS = {
  /** renderer -> main, invoke(method, request) -> BridgeReply */
  invoke: "netforge:invoke",
  /** main -> renderer, (event, payload) */
  event: "netforge:event",
  /** renderer -> main, (event, listening): the renderer now listens for this event, or stopped (see main/app/event-gate.ts) */
  listen: "netforge:listen",
} as const;
