import type { EventName, MethodName } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { MAX_MESSAGE_BYTES } from "../../shared/api/limits";
import { type CallMessage, ServerMessageSchema } from "../../shared/api/wire";
import type { ConnectionStatus, NetforgeClient } from "./client";

interface Pending {
  resolve(value: unknown): void;
  reject(error: ApiError): void;
}

/** Minimal socket surface, so tests can pass Node's WebSocket and the browser passes its own. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "open" | "close" | "message" | "error", listener: (event: { data?: unknown }) => void): void;
}

export interface WebSocketClientOptions {
  /** Creates the socket; defaults to the global WebSocket. */
  create?: (url: string) => SocketLike;
  /** Delays between reconnection attempts, in ms; the last one repeats. */
  backoffMs?: readonly number[];
}

const OPEN = 1;

/**
 * Browser-mode client: one WebSocket, calls matched to replies by id, events fanned out to
 * listeners. When the socket drops, pending calls fail with E_DISCONNECTED (a call is never
 * silently re-sent: it may have run) and the client reconnects with backoff.
 */
export function connectWebSocket(url: string, options: WebSocketClientOptions = {}): Promise<NetforgeClient> {
  const create = options.create ?? ((u: string) => new WebSocket(u) as SocketLike);
  const backoff = options.backoffMs ?? [250, 500, 1000, 2000, 5000];
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: SocketLike;
  let status: ConnectionStatus = "connecting";
  let attempt = 0;
  let closedByUser = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (s: ConnectionStatus) => {
    status = s;
    for (const l of statusListeners) l(s);
  };

  const receive = (data: unknown) => {
    let raw: unknown;
    try {
      raw = JSON.parse(String(data));
    } catch {
      return;
    }
    const m = ServerMessageSchema.safeParse(raw);
    if (!m.success) return;
    if ("event" in m.data) {
      for (const l of listeners.get(m.data.event) ?? []) l(m.data.payload);
      return;
    }
    const call = pending.get(m.data.id);
    if (!call) return;
    pending.delete(m.data.id);
    if (m.data.ok) call.resolve(m.data.response);
    else call.reject(ApiError.from(m.data.error));
  };

  return new Promise((resolveClient, rejectClient) => {
    let everOpened = false;
    const open = () => {
      setStatus("connecting");
      socket = create(url);
      socket.addEventListener("open", () => {
        everOpened = true;
        attempt = 0;
        setStatus("open");
        for (const text of queue.splice(0)) socket.send(text);
        resolveClient(client);
      });
      socket.addEventListener("message", (e) => receive(e.data));
      socket.addEventListener("close", () => {
        for (const [id, call] of pending) {
          pending.delete(id);
          call.reject(new ApiError("E_DISCONNECTED", "the connection to the NetForge host was lost during the call"));
        }
        if (closedByUser) return setStatus("closed");
        if (!everOpened && attempt >= 2) {
          setStatus("closed");
          rejectClient(
            new ApiError(
              "E_DISCONNECTED",
              `cannot connect to the NetForge host at ${url}; open the URL that \`netforge serve\` printed (it carries the access token)`,
            ),
          );
          return;
        }
        setStatus("connecting");
        timer = setTimeout(open, backoff[Math.min(attempt++, backoff.length - 1)]);
      });
    };

    const client: NetforgeClient = {
      mode: "browser",
      get status() {
        return status;
      },
      call(method: MethodName, request: unknown) {
        if (closedByUser) return Promise.reject(new ApiError("E_DISCONNECTED", "the client was closed"));
        const id = nextId++;
        const message: CallMessage = { id, method, request };
        const text = JSON.stringify(message);
        // The host closes the socket on a message over the cap (failing every call in flight), so
        // an oversized call is refused here, alone, with a message that says what to do.
        const bytes = bytesOverCap(text);
        if (bytes !== null) {
          const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
          return Promise.reject(
            new ApiError(
              "E_TOO_LARGE",
              `${method}: the request is ${mb(bytes)}; the host accepts messages up to ${mb(MAX_MESSAGE_BYTES)} (keep large data in files, not inline in the project)`,
            ),
          );
        }
        return new Promise((resolve, reject) => {
          pending.set(id, { resolve, reject });
          if (socket.readyState === OPEN) socket.send(text);
          else queue.push(text);
        }) as never;
      },
      on(event: EventName, listener: (payload: never) => void) {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        const l = listener as (payload: unknown) => void;
        set.add(l);
        return () => set.delete(l);
      },
      onStatus(listener) {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
      close() {
        closedByUser = true;
        clearTimeout(timer);
        socket.close(1000, "client closed");
      },
    };
    open();
  });
}

/**
 * A message's UTF-8 size when it is over the cap, else null. Counted without encoding (a 16 MB
 * copy per call otherwise); a text of at most cap / 3 UTF-16 units cannot be over it.
 */
export function bytesOverCap(text: string, cap = MAX_MESSAGE_BYTES): number | null {
  if (text.length * 3 <= cap) return null;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes > cap ? bytes : null;
}
