/**
 * `npx tsx main/web/message.bench.ts`: does one client's large upload stall the others? Client A
 * uploads 40 MB the way the browser does (fs.upload parts of UPLOAD_PART_BYTES; before parts, one
 * 40 MB message) while client B sends small `app.info` calls back to back; the report is B's
 * round-trip times (median and worst) during the upload, next to B's times with nobody else
 * talking. Not part of `npm test` (machine-bound).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { WebSocket } from "ws";
import { UPLOAD_PART_BYTES } from "../../shared/api/limits";
import { openApiSocket, startLoopbackServer } from "./loopback-server";

const BIG_BYTES = 40 * 1024 * 1024;
/** BENCH_PARTS=0: the whole 40 MB in one message, as uploads went before parts (needs a cap above 40 MB). */
const parts = process.env.BENCH_PARTS !== "0";
const PART = UPLOAD_PART_BYTES;

const UPLOADER = `
const { WebSocket } = require("ws");
const { parentPort, workerData: w } = require("node:worker_threads");
const ws = new WebSocket(w.url, { headers: { Authorization: "Bearer " + w.token } });
let id = 0;
const call = (method, request) => new Promise((ok) => {
  const mine = ++id;
  ws.on("message", function on(d) { if (JSON.parse(String(d)).id === mine) { ws.off("message", on); ok(); } });
  ws.send(JSON.stringify({ id: mine, method, request }));
});
ws.once("open", async () => {
  await call("fs.openFolder", { path: w.root });
  const size = w.parts ? w.part : w.total;
  for (let offset = 0; offset < w.total; offset += size) {
    const base64 = Buffer.alloc(size, offset & 255).toString("base64");
    await call("fs.upload", { folder: w.root, name: "big.bin", base64, offset, last: offset + size >= w.total });
  }
  ws.close();
  parentPort.postMessage("done");
});`;

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "netforge-bench-root-"));
  const token = randomBytes(24).toString("base64url");
  const { server, close } = await startLoopbackServer({
    token,
    browseRoots: [root],
    ...(parts ? {} : { maxMessageBytes: 100 * 1024 * 1024 }),
  });
  const connect = () => openApiSocket(server.port, token);
  const b = await connect();
  let next = 1;
  const call = (ws: WebSocket, method: string, request: unknown) =>
    new Promise<void>((ok) => {
      const id = next++;
      const onMessage = (data: unknown) => {
        if ((JSON.parse(String(data)) as { id?: number }).id !== id) return;
        ws.off("message", onMessage);
        ok();
      };
      ws.on("message", onMessage);
      ws.send(JSON.stringify({ id, method, request }));
    });
  const smallCalls = async (until: () => boolean, atLeast: number) => {
    const times: number[] = [];
    while (times.length < atLeast || !until()) {
      const t0 = performance.now();
      await call(b, "app.info", {});
      times.push(performance.now() - t0);
    }
    return times.sort((x, y) => x - y);
  };
  const quiet = await smallCalls(() => true, 50);
  // Client A runs in a worker thread: its encoding and masking must not stall this thread, where
  // only the server's work on A's messages should compete with B's calls.
  let done = false;
  const big = new Promise<void>((ok, fail) => {
    const worker = new Worker(UPLOADER, {
      eval: true,
      workerData: { url: `ws://127.0.0.1:${server.port}/api`, token, root, total: BIG_BYTES, part: PART, parts },
    });
    worker.once("message", () => {
      done = true;
      ok();
    });
    worker.once("error", fail);
  });
  const busy = await smallCalls(() => done, 5);
  await big;
  const line = (name: string, t: number[]) =>
    `${name}: ${t.length} calls, median ${t[t.length >> 1].toFixed(1)} ms, worst ${t[t.length - 1].toFixed(1)} ms`;
  console.log(line("client B alone", quiet));
  console.log(
    line(
      `client B while A uploads ${BIG_BYTES / 1024 / 1024} MB ${parts ? `in ${PART / 1024 / 1024} MiB parts` : "in one message"}`,
      busy,
    ),
  );
  b.close();
  await close();
}

await main();
