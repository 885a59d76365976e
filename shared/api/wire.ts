import { z } from "zod";
import { ApiErrorShapeSchema } from "./errors";

/**
 * Messages on the browser-mode WebSocket (and any other message-passing transport). A call carries
 * a client-chosen id that its reply echoes; events carry no id. Validated on both ends.
 */
export const CallMessageSchema = z
  .object({
    id: z.number().int().nonnegative(),
    method: z.string().min(1).max(100),
    request: z.unknown(),
  })
  .strict();

export const ReplyMessageSchema = z.discriminatedUnion("ok", [
  z.object({ id: z.number().int(), ok: z.literal(true), response: z.unknown() }).strict(),
  z.object({ id: z.number().int(), ok: z.literal(false), error: ApiErrorShapeSchema }).strict(),
]);

export const EventMessageSchema = z.object({ event: z.string(), payload: z.unknown() }).strict();

export const ServerMessageSchema = z.union([ReplyMessageSchema, EventMessageSchema]);

export type CallMessage = z.infer<typeof CallMessageSchema>;
export type ReplyMessage = z.infer<typeof ReplyMessageSchema>;
export type EventMessage = z.infer<typeof EventMessageSchema>;
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

/** Path of the WebSocket endpoint on the browser-mode server. */
export const WS_PATH = "/api";
