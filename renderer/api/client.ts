// First: configures zod before any schema (the contract's included) is used; see zod-setup.ts.
import "../zod-setup";
import type { EventName, EventOf, MethodName, RequestOf, ResponseOf } from "../../shared/api/contract";
import { bridgeClient, electronBridge } from "./electron-client";
import { connectWebSocket } from "./ws-client";

/**
 * The one object the renderer talks to the host through. It does not say which transport it has
 * beyond `mode`: the Electron preload's bridge, or the browser-mode WebSocket.
 */
export interface NetforgeClient {
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
  readonly mode: "electron" | "browser";
  /** Connection state changes (browser mode reconnects after the server restarts). */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  readonly status: ConnectionStatus;
  close(): void;
}

export type ConnectionStatus = "connecting" | "open" | "closed";

/** window.netforge when the Electron preload provided it, otherwise the WebSocket of browser mode. */
export async function connectClient(options: { url?: string } = {}): Promise<NetforgeClient> {
  const bridge = electronBridge();
  if (bridge) return bridgeClient(bridge);
  return connectWebSocket(options.url ?? defaultSocketUrl());
}

function defaultSocketUrl(): string {
  // The HttpOnly cookie set when the tokened URL was opened rides along with the upgrade request.
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}/api`;
}

export { ApiError, isApiError } from "../../shared/api/errors";
