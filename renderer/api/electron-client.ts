import type { NetforgeBridge } from "../../shared/api/bridge";
import { ApiError } from "../../shared/api/errors";
import type { NetforgeClient } from "./client";

declare global {
  interface Window {
    /** Set by the Electron preload only. */
    netforge?: NetforgeBridge;
  }
}

export function electronBridge(): NetforgeBridge | null {
  const bridge = typeof window === "undefined" ? undefined : window.netforge;
  return bridge && bridge.mode === "electron" && typeof bridge.invoke === "function" ? bridge : null;
}

/** Wraps the preload's bridge: envelopes become values or ApiErrors. */
export function bridgeClient(bridge: NetforgeBridge): NetforgeClient {
  return {
    mode: "electron",
    status: "open",
    async call(method, request) {
      const reply = await bridge.invoke(method, request);
      if (reply.ok) return reply.response as never;
      throw ApiError.from(reply.error);
    },
    on(event, listener) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
    // IPC has no connection to lose.
    onStatus: () => () => {},
    close: () => {},
  };
}
