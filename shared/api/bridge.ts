import type { ApiErrorShape } from "./errors";

/**
 * What the Electron preload exposes as `window.netforge` (contextBridge). Calls resolve to an
 * envelope instead of rejecting, because Electron's ipcRenderer.invoke flattens rejected errors to
 * a message string and the renderer needs the ApiError code.
 */
export type BridgeReply = { ok: true; response: unknown } | { ok: false; error: ApiErrorShape };

export interface NetforgeBridge {
  readonly mode: "electron";
  invoke(method: string, request: unknown): Promise<BridgeReply>;
  /** Returns the function that removes the listener. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
