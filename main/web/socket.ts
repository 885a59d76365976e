import type { WebSocket } from "ws";
import { type ApiErrorCode, describeZodIssues } from "../../shared/api/errors";
import { jsonTextDepth, MAX_NESTING, nestingMessage } from "../../shared/api/limits";
import { CallMessageSchema, type ReplyMessage } from "../../shared/api/wire";
import { type Host, newClientId } from "../services/host";

/**
 * One WebSocket connection as an API client: calls are validated (the envelope here, the request
 * by the host against the contract) and answered by id; every host event is forwarded. Calls run
 * concurrently and replies may come back out of order, which the ids resolve.
 */
export function attachSocket(host: Host, socket: WebSocket): void {
  const clientId = newClientId();
  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = host.events.onAny((event, payload) => send({ event, payload }));
  socket.on("message", (data, isBinary) => {
    if (isBinary) return send(badMessage(-1, "expected a text frame holding JSON"));
    const text = data.toString();
    // Checked on the text: parsing a run of a million brackets takes a second of everyone's time.
    // The envelope { id, method, request } is one level more than the request may have.
    const depth = jsonTextDepth(text, MAX_NESTING + 1);
    if (depth > MAX_NESTING + 1)
      return send(badMessage(leadingId(text), nestingMessage("the request", depth - 1), "E_TOO_LARGE"));
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return send(badMessage(-1, "expected JSON { id, method, request }; received text that is not JSON"));
    }
    const call = CallMessageSchema.safeParse(raw);
    if (!call.success) {
      const id = typeof (raw as { id?: unknown })?.id === "number" ? (raw as { id: number }).id : -1;
      return send(badMessage(id, `expected { id, method, request }: ${describeZodIssues(call.error)}`));
    }
    void host
      .reply(call.data.method, call.data.request, { clientId })
      .then((reply) => send({ id: call.data.id, ...reply }));
  });
  socket.on("close", () => {
    unsubscribe();
    host.disconnect(clientId);
  });
  // ws has already answered a protocol error (1009 for a message over the limit, 1002...) with a
  // close frame; terminating here would drop that frame and the client would see 1006.
  socket.on("error", () => {});
}

function badMessage(id: number, message: string, code: ApiErrorCode = "E_BAD_REQUEST"): ReplyMessage {
  return { id, ok: false, error: { code, message } };
}

/** The call's id when the text starts as a client writes it (`{"id":7,...`), so its caller hears back; else -1. */
function leadingId(text: string): number {
  const m = /^\s*\{\s*"id"\s*:\s*(\d{1,15})\s*,/.exec(text.slice(0, 64));
  return m ? Number(m[1]) : -1;
}
