import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventOf } from "../../shared/api/contract";
import { LIVE_BOUNDARY_FILE } from "../../shared/api/schemas/boundary";
import { createHost, type Host } from "./host";

/** The live boundary through the host and the real trainer process: events, memory, the run folder. */
let dir: string;
const hosts: Host[] = [];

function newHost(): Host {
  const host = createHost({
    mode: "browser",
    browseRoots: [dir],
    configDir: mkdtempSync(join(tmpdir(), "netforge-config-")),
    backend: "wasm",
  });
  hosts.push(host);
  return host;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "netforge-boundary-"));
});
afterAll(() => {
  for (const h of hosts) h.close();
});

async function train(host: Host, template: string, epochs: number) {
  await host.call("fs.openFolder", { path: dir });
  const { project: p } = await host.call("projects.new", { template });
  const project = { ...p, training: { ...p.training, epochs } };
  const path = join(dir, `${template}.netforge.json`);
  await host.call("projects.save", { path, project });
  const boundaries: EventOf<"train.boundary">[] = [];
  host.events.on("train.boundary", (b) => boundaries.push(b));
  const done = new Promise((resolve) => host.events.on("train.done", resolve));
  const started = await host.call("train.start", { project, projectPath: path });
  await done;
  return { path, runId: started.runId, runDir: started.runDir as string, boundaries };
}

describe("runs.boundary", () => {
  it("streams boundaries while XOR trains and returns the last, also from the run folder after a restart", async () => {
    const host = newHost();
    const run = await train(host, "xor", 8);
    expect(run.boundaries.length).toBeGreaterThanOrEqual(2);
    expect(run.boundaries.every((b) => b.runId === run.runId)).toBe(true);
    const last = run.boundaries.at(-1)?.boundary;
    expect(last?.epoch).toBe(8);
    const ref = { projectPath: run.path, runId: run.runId };
    expect((await host.call("runs.boundary", ref)).boundary).toEqual(last);
    // A new host has no memory of the run: the boundary comes from boundary.json.
    const fresh = newHost();
    await fresh.call("fs.openFolder", { path: dir });
    expect((await fresh.call("runs.boundary", ref)).boundary).toEqual(last);
    // A damaged file is an error that names the file and what is wrong, not a crash or a blank.
    writeFileSync(join(run.runDir, LIVE_BOUNDARY_FILE), JSON.stringify({ ...last, resolution: "forty" }));
    await expect(fresh.call("runs.boundary", ref)).rejects.toMatchObject({
      code: "E_INVALID_DOCUMENT",
      message: expect.stringMatching(/boundary\.json is not a decision boundary: resolution/),
    });
  }, 120_000);

  it("is null for a run on data with more than two features (iris)", async () => {
    const host = newHost();
    const run = await train(host, "iris", 2);
    expect(run.boundaries).toEqual([]);
    expect((await host.call("runs.boundary", { projectPath: run.path, runId: run.runId })).boundary).toBeNull();
  }, 120_000);
});
