import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../shared/api/errors";
import { MAX_MESSAGE_BYTES } from "../../shared/api/limits";
import type { CallMessage } from "../../shared/api/wire";
import { bytesOverCap, connectWebSocket, type SocketLike } from "./ws-client";

type Listener = (event: { data?: unknown }) => void;

/**
 * A stand-in for the browser's WebSocket (the transport, not NetForge code): the test plays the
 * server, sees every call sent and decides when and how to answer.
 */
class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: CallMessage[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string): void {
    if (this.readyState !== 1) throw new Error("send before open");
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.fire("open", {});
  }
  drop(): void {
    this.readyState = 3;
    this.fire("close", {});
  }
  reply(message: unknown): void {
    this.fire("message", { data: JSON.stringify(message) });
  }
  private fire(type: string, event: { data?: unknown }): void {
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const pending = connectWebSocket("ws://127.0.0.1:1/api", {
    create: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    backoffMs: [0],
  });
  return { sockets, pending, last: () => sockets[sockets.length - 1] };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("browser-mode API client", () => {
  it("matches replies to calls by id, in any order, and turns error replies into ApiErrors", async () => {
    const { pending, last } = setup();
    last().open();
    const client = await pending;
    const a = client.call("app.info", {});
    const b = client.call("projects.open", { path: "/x.netforge.json" });
    const [ca, cb] = last().sent;
    expect([ca.method, cb.method]).toEqual(["app.info", "projects.open"]);
    last().reply({ id: cb.id, ok: false, error: { code: "E_FORBIDDEN_PATH", message: "no" } });
    last().reply({ id: ca.id, ok: true, response: { version: "1" } });
    expect(await a).toEqual({ version: "1" });
    const error = await b.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("E_FORBIDDEN_PATH");
  });

  it("delivers events to their listeners until unsubscribed, and ignores junk", async () => {
    const { pending, last } = setup();
    last().open();
    const client = await pending;
    const seen: unknown[] = [];
    const off = client.on("train.status", (p) => seen.push(p));
    last().reply({ event: "train.status", payload: { runId: "r", status: "paused" } });
    last().reply({ event: "train.done", payload: {} });
    last().reply("not a message");
    off();
    last().reply({ event: "train.status", payload: { runId: "r", status: "running" } });
    expect(seen).toEqual([{ runId: "r", status: "paused" }]);
  });

  it("fails calls in flight when the connection drops, reconnects, and queues calls until open", async () => {
    const { pending, last, sockets } = setup();
    last().open();
    const client = await pending;
    const statuses: string[] = [];
    client.onStatus((s) => statuses.push(s));
    const inFlight = client.call("app.info", {});
    last().drop();
    const error = (await inFlight.catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("E_DISCONNECTED");
    await tick();
    expect(sockets).toHaveLength(2);
    const queued = client.call("app.info", {});
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent.map((m) => m.method)).toEqual(["app.info"]);
    last().reply({ id: last().sent[0].id, ok: true, response: { ok: 1 } });
    expect(await queued).toEqual({ ok: 1 });
    expect(statuses).toEqual(["connecting", "connecting", "open"]);
    expect(client.status).toBe("open");
  });

  it("gives up with a clear error when the server never accepts the connection", async () => {
    const { pending, last } = setup();
    const outcome = pending.catch((e: unknown) => e);
    for (let i = 0; i < 3; i++) {
      last().drop();
      await tick();
    }
    const error = (await outcome) as ApiError;
    expect(error.code).toBe("E_DISCONNECTED");
    expect(error.message).toMatch(/open the URL that `netforge serve` printed/);
  });
});

describe("message size cap", () => {
  it("refuses a call over the host's cap with E_TOO_LARGE, without sending it or failing other calls", async () => {
    const { pending, last } = setup();
    last().open();
    const client = await pending;
    const small = client.call("app.info", {});
    const big = client.call("projects.import", { text: "x".repeat(MAX_MESSAGE_BYTES) });
    await expect(big).rejects.toMatchObject({ code: "E_TOO_LARGE" });
    await expect(big).rejects.toThrow(/16\.0 MB/);
    expect(last().sent.map((m) => m.method)).toEqual(["app.info"]);
    last().reply({ id: last().sent[0].id, ok: true, response: { fine: true } });
    expect(await small).toEqual({ fine: true });
  });

  it("counts UTF-8 bytes exactly around the cap (ASCII, 2-, 3- and 4-byte characters, lone surrogates)", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 64 }), fc.integer({ min: 0, max: 200 }), (s, cap) => {
        const exact = encoder.encode(s).length;
        expect(bytesOverCap(s, cap)).toBe(exact > cap ? exact : null);
      }),
    );
    expect(bytesOverCap("é".repeat(10), 19)).toBe(20);
    expect(bytesOverCap("é".repeat(10), 20)).toBeNull();
    expect(bytesOverCap("😀", 3)).toBe(4);
    expect(bytesOverCap("\ud800x", 3)).toBe(4);
  });
});
