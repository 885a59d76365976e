import type { WebSocket } from "ws";
import { describeZodIssues } from "../../shared/api/errors";
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
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
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
  socket.on("error", () => socket.terminate());
}

function badMessage(id: number, message: string): ReplyMessage {
  return { id, ok: false, error: { code: "E_BAD_REQUEST", message } };
}
