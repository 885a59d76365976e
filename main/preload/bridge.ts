import type { BridgeReply, NetforgeBridge } from "../../shared/api/bridge";
import { IPC_CHANNELS } from "./channels";

/** The part of Electron's ipcRenderer the bridge uses (kept structural so tests need no Electron). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface BridgeNames {
  methods: readonly string[];
  events: readonly string[];
}

/**
 * `window.netforge`, built from the contract's method and event names (an allowlist, like VS
 * Code's validateIPC): a name outside it never reaches IPC. The page gets plain functions only;
 * the IpcRendererEvent (which holds `sender`, i.e. ipcRenderer itself) is never passed to it.
 */
export function createBridge(ipc: RendererIpc, names: BridgeNames): NetforgeBridge {
  const methods = new Set(names.methods);
  const events = new Set(names.events);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  ipc.on(IPC_CHANNELS.event, (_event, name, payload) => {
    const set = typeof name === "string" ? listeners.get(name) : undefined;
    for (const listener of [...(set ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing listener must not starve the others (the error still shows in DevTools).
        console.error(`netforge: a listener for ${String(name)} threw`, error);
      }
    }
  });

  return Object.freeze({
    mode: "electron" as const,
    async invoke(method: string, request: unknown): Promise<BridgeReply> {
      if (typeof method !== "string" || !methods.has(method)) {
        return {
          ok: false,
          error: {
            code: "E_UNKNOWN_METHOD",
            message: `unknown method ${JSON.stringify(method)?.slice(0, 80)}; expected one of ${names.methods.join(", ")}`,
          },
        };
      }
      try {
        return (await ipc.invoke(IPC_CHANNELS.invoke, method, request)) as BridgeReply;
      } catch (error) {
        // Only a refused sender or a main process without handlers gets here.
        return {
          ok: false,
          error: { code: "E_INTERNAL", message: `${method}: ${(error as Error)?.message ?? error}` },
        };
      }
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (typeof event !== "string" || !events.has(event)) {
        throw new TypeError(
          `unknown event ${JSON.stringify(event)?.slice(0, 80)}; expected one of ${names.events.join(", ")}`,
        );
      }
      if (typeof listener !== "function") {
        throw new TypeError(`expected a listener function for ${event}; received ${typeof listener}`);
      }
      let set = listeners.get(event);
      const first = !set;
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      // After adding: what main held for this event may come back at once.
      if (first) ipc.send(IPC_CHANNELS.listen, event, true);
      return () => {
        if (!set.delete(listener) || set.size > 0 || listeners.get(event) !== set) return;
        listeners.delete(event);
        ipc.send(IPC_CHANNELS.listen, event, false);
      };
    },
  });
}
