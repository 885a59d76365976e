import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../../shared/api/errors";
import { PROJECT_VERSION } from "../../shared/ir/project";
import { stableStringify } from "../../shared/ir/serialize";
import { inferGraph } from "../../shared/shapes/infer";
import { createHost, type Host } from "./host";

/** The project service through the real host (validation included), on real temporary folders. */
let dir: string;
let config: string;
let host: Host;

function newHost(): Host {
  return createHost({
    mode: "browser",
    browseRoots: [dir],
    configDir: config,
    // Nothing here trains; a trainer start would be a bug.
    startTrainer: () => Promise.reject(new Error("no trainer in project tests")),
  });
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "netforge-projects-"));
  config = mkdtempSync(join(tmpdir(), "netforge-config-"));
  host = newHost();
});
afterEach(() => host.close());

async function savedXor(name = "xor.netforge.json"): Promise<string> {
  await host.call("fs.openFolder", { path: dir });
  const { project } = await host.call("projects.new", { template: "xor" });
  const path = join(dir, name);
  await host.call("projects.save", { path, project });
  return path;
}

describe("new and templates", () => {
  it("creates a blank project", async () => {
    const r = await host.call("projects.new", { name: "Mine" });
    expect(r).toMatchObject({ path: null, migrated: [], project: { name: "Mine", data: null } });
    expect(r.project.graph.nodes).toEqual([]);
  });

  it("lists every template, each loading with a category and a graph free of diagnostics", async () => {
    const files = readdirSync(join(import.meta.dirname, "../../resources/templates")).filter((f) =>
      f.endsWith(".netforge.json"),
    );
    const { templates } = await host.call("templates.list", {});
    expect(templates.map((t) => `${t.id}.netforge.json`).sort()).toEqual(files.sort());
    for (const t of templates) {
      expect(t.category, t.id).not.toBe("Other");
      expect(t.description.length, t.id).toBeGreaterThan(10);
      const { project } = await host.call("templates.get", { id: t.id });
      expect(inferGraph(project.graph).diagnostics, t.id).toEqual([]);
    }
    expect(templates.find((t) => t.id === "xor")?.category).toBe("Multilayer networks");
    expect(templates.find((t) => t.id === "gan-ring")?.category).toBe("Generative models");
  });

  it("makes a template's data paths absolute so the project works from any folder", async () => {
    const { project } = await host.call("projects.new", { template: "iris" });
    const path = (project.data as { source: { path: string } }).source.path;
    expect(path).toMatch(/resources[/\\]datasets[/\\]iris\.csv$/);
    expect(readFileSync(path, "utf8")).toContain("species");
  });

  it("refuses an unknown template by name", async () => {
    const e = await refusal(host.call("templates.get", { id: "no-such-template" }));
    expect([e.code, e.message]).toEqual(["E_NOT_FOUND", 'no template "no-such-template"']);
  });
});

describe("open", () => {
  it("refuses a file outside the opened folders, then opens it once its folder is opened", async () => {
    const path = join(dir, "a.netforge.json");
    writeFileSync(path, stableStringify((await host.call("projects.new", { template: "xor" })).project));
    const e = await refusal(host.call("projects.open", { path }));
    expect(e.code).toBe("E_FORBIDDEN_PATH");
    expect(e.message).toContain("open its folder first");
    await host.call("fs.openFolder", { path: dir });
    const r = await host.call("projects.open", { path });
    expect(r.project.name).toBe("XOR MLP");
    expect(r.migrated).toEqual([]);
  });

  it("opens a bare graph file as a project named after the file", async () => {
    await host.call("fs.openFolder", { path: dir });
    const { project } = await host.call("projects.new", { template: "xor" });
    writeFileSync(join(dir, "just-a-graph.json"), JSON.stringify(project.graph));
    const r = await host.call("projects.open", { path: join(dir, "just-a-graph.json") });
    expect(r.project.name).toBe("just-a-graph");
    expect(r.project.graph).toEqual(project.graph);
  });

  it("names the problem in a damaged, foreign or future file", async () => {
    await host.call("fs.openFolder", { path: dir });
    const { project } = await host.call("projects.new", { template: "xor" });
    const cases: [string, string, string, RegExp][] = [
      ["bad.json", "{ not json", "E_INVALID_DOCUMENT", /bad\.json: not valid JSON/],
      [
        "other.json",
        JSON.stringify({ hello: 1 }),
        "E_INVALID_DOCUMENT",
        /expected a NetForge document.*format \(missing\)/,
      ],
      [
        "future.json",
        JSON.stringify({ ...project, version: 99 }),
        "E_UNSUPPORTED_VERSION",
        new RegExp(`version 99 was written by a newer NetForge; this one reads up to version ${PROJECT_VERSION}`),
      ],
      [
        "kind.json",
        JSON.stringify({ ...project, graph: { ...project.graph, nodes: [{ ...project.graph.nodes[0], kind: "" }] } }),
        "E_INVALID_DOCUMENT",
        /graph\.nodes\[0\]\.kind: kind must not be empty/,
      ],
      [
        "extra.json",
        JSON.stringify({ ...project, colour: "red" }),
        "E_INVALID_DOCUMENT",
        /unknown field\(s\) "colour"/,
      ],
    ];
    for (const [name, text, code, message] of cases) {
      writeFileSync(join(dir, name), text);
      const e = await refusal(host.call("projects.open", { path: join(dir, name) }));
      expect(e.code, name).toBe(code);
      expect(e.message, name).toMatch(message);
    }
  });

  it("imports an uploaded file's text with the same checks", async () => {
    const { project } = await host.call("projects.new", { template: "xor" });
    const r = await host.call("projects.import", { text: `\uFEFF${stableStringify(project)}`, fileName: "up.json" });
    expect(r).toMatchObject({ path: null, project: { name: "XOR MLP" } });
    const e = await refusal(host.call("projects.import", { text: "[]", fileName: "up.json" }));
    expect(e.code).toBe("E_INVALID_DOCUMENT");
  });
});

describe("save", () => {
  it("writes the stable serialization atomically and leaves no temporary file", async () => {
    const path = await savedXor();
    const { project } = await host.call("projects.open", { path });
    expect(readFileSync(path, "utf8")).toBe(stableStringify(project));
    expect(readdirSync(dir).filter((f) => f !== "xor.netforge.json")).toEqual([]);
    // Save, reload, compare: byte-identical.
    await host.call("projects.save", { path, project });
    expect(readFileSync(path, "utf8")).toBe(stableStringify(project));
  });

  it("keeps the file on disk when a save is refused or fails", async () => {
    const path = await savedXor();
    const before = readFileSync(path, "utf8");
    const { project } = await host.call("projects.open", { path });
    const refusals: (() => Promise<unknown>)[] = [
      // Invalid project: refused by the contract before anything is written.
      () => host.call("projects.save", { path, project: { ...project, name: "" } }),
      // Save As onto an existing name without permission to replace it.
      () => host.call("projects.save", { path, project: { ...project, name: "Other" }, overwrite: false }),
      // A target the OS cannot replace: a folder of the same name.
      () => {
        mkdirSync(join(dir, "folder.netforge.json"));
        writeFileSync(join(dir, "folder.netforge.json", "keep"), "x");
        return host.call("projects.save", { path: join(dir, "folder.netforge.json"), project });
      },
      // Not a project file name.
      () => host.call("projects.save", { path: join(dir, ".bashrc"), project }),
    ];
    const codes = [];
    for (const attempt of refusals) codes.push((await refusal(attempt())).code);
    expect(codes).toEqual(["E_BAD_REQUEST", "E_EXISTS", "E_IO", "E_BAD_REQUEST"]);
    expect(readFileSync(path, "utf8")).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["folder.netforge.json", "xor.netforge.json"]);
  });

  it("never leaves a half-written file when the process dies mid-save", async () => {
    const path = await savedXor();
    const before = readFileSync(path, "utf8");
    // A child process writes a large file through writeFileAtomic and is killed while its
    // temporary file is being written.
    const size = 256 * 1024 * 1024;
    const script = `import { writeFileAtomic } from ${JSON.stringify(join(import.meta.dirname, "atomic-write.ts"))};
      const data = Buffer.alloc(${size}, 120); process.send("go"); await writeFileAtomic(${JSON.stringify(path)}, data);
      process.send("done");`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    const outcome = await new Promise<string>((resolve) => {
      child.on("message", (m) => {
        if (m !== "go") return resolve(String(m));
        const poll = setInterval(() => {
          if (readdirSync(dir).some((f) => f.endsWith(".tmp"))) {
            clearInterval(poll);
            child.kill("SIGKILL");
          }
        }, 1);
      });
      child.on("exit", () => resolve("killed"));
    });
    expect(readFileSync(path, "utf8")).toBe(before);
    expect(outcome).toBe("killed");
  }, 30_000);

  it("may not write outside the opened folders, nor into the bundled resources", async () => {
    const { project } = await host.call("projects.new", {});
    const outside = mkdtempSync(join(tmpdir(), "netforge-outside-"));
    await host.call("fs.openFolder", { path: dir });
    for (const path of [
      join(outside, "x.netforge.json"),
      join(dir, "..", "escape.netforge.json"),
      join(import.meta.dirname, "../../resources/templates/xor.netforge.json"),
    ]) {
      expect((await refusal(host.call("projects.save", { path, project }))).code, path).toBe("E_FORBIDDEN_PATH");
    }
    // A link inside the opened folder that points out of it does not widen access.
    symlinkSync(outside, join(dir, "link"));
    const e = await refusal(host.call("projects.save", { path: join(dir, "link", "x.netforge.json"), project }));
    expect(e.code).toBe("E_FORBIDDEN_PATH");
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe("recent files", () => {
  it("lists opened and saved files newest first, survives a restart and reopens them", async () => {
    const a = await savedXor("a.netforge.json");
    const b = await savedXor("b.netforge.json");
    await host.call("projects.open", { path: a });
    expect((await host.call("projects.recent", {})).items.map((i) => i.path)).toEqual([a, b]);
    await host.close();
    host = newHost(); // a restart: no folder is open any more
    const { items } = await host.call("projects.recent", {});
    expect(items.map((i) => [i.path, i.exists, i.name])).toEqual([
      [a, true, "XOR MLP"],
      [b, true, "XOR MLP"],
    ]);
    // A recent file under a browse root reopens without opening its folder again.
    expect((await host.call("projects.open", { path: b })).path).toBe(b);
    expect((await host.call("projects.removeRecent", { path: a })).items.map((i) => i.path)).toEqual([b]);
  });
});

describe("autosave and recovery", () => {
  const session = "session-crashed-1";

  it("offers the recovery file of a session that crashed, and discards it on request", async () => {
    const { project } = await host.call("projects.new", { template: "xor" });
    const edited = { ...project, name: "Unsaved work" };
    const autosaved = { sessionId: session, path: null, project: edited, draft: "draft-unsaved-1" };
    await host.call("projects.autosave", autosaved, { clientId: "tab-1" });
    // While the session's tab is connected, nobody else is offered its file.
    expect((await host.call("projects.recovery", {}, { clientId: "tab-2" })).items).toEqual([]);
    // The host dies without the session closing cleanly; a new host starts with the same config dir.
    await host.close();
    host = newHost();
    const { items } = await host.call("projects.recovery", { sessionId: "session-new-0001" });
    expect(items).toHaveLength(1);
    // With its draft id, so the recovered project finds the runs it made before a save.
    expect(items[0]).toMatchObject({ sessionId: session, path: null, name: "Unsaved work", draft: "draft-unsaved-1" });
    expect(items[0].project).toEqual(edited);
    await host.call("projects.discardRecovery", { sessionId: session });
    expect((await host.call("projects.recovery", {})).items).toEqual([]);
  });

  it("offers a tab's file once that tab disconnected", async () => {
    const { project } = await host.call("projects.new", {});
    await host.call("projects.autosave", { sessionId: session, path: null, project }, { clientId: "tab-1" });
    host.disconnect("tab-1");
    expect((await host.call("projects.recovery", {})).items.map((i) => i.sessionId)).toEqual([session]);
  });

  it("drops the session's recovery file once its project is saved", async () => {
    const path = await savedXor();
    const { project } = await host.call("projects.open", { path });
    await host.call("projects.autosave", { sessionId: session, path, project }, { clientId: "tab-1" });
    host.disconnect("tab-1");
    expect((await host.call("projects.recovery", {})).items).toHaveLength(1);
    await host.call("projects.save", { path, project, sessionId: session });
    expect((await host.call("projects.recovery", {})).items).toEqual([]);
  });

  it("skips damaged recovery files instead of failing", async () => {
    mkdirSync(join(config, "recovery"), { recursive: true });
    writeFileSync(join(config, "recovery", "session-broken-1.json"), "{ torn");
    expect((await host.call("projects.recovery", {})).items).toEqual([]);
  });
});

describe("data", () => {
  it("probes bundled data (read-only) and data beside a saved project, and nothing else", async () => {
    const { project } = await host.call("projects.new", { template: "iris" });
    const spec = project.data as { source: { kind: "table"; path: string; label: string } };
    const bundled = await host.call("data.probe", { spec });
    expect(bundled.summary).toMatchObject({ rows: 150 });
    expect(bundled.summary.classes.map((c) => c.count)).toEqual([50, 50, 50]);

    await host.call("fs.openFolder", { path: dir });
    writeFileSync(join(dir, "tiny.csv"), "a,b,label\n1,2,x\n3,4,y\n5,6,x\n");
    const relative = { source: { kind: "table" as const, path: "tiny.csv", label: "label" } };
    const beside = await host.call("data.probe", { spec: relative, projectPath: join(dir, "p.netforge.json") });
    expect(beside.summary.rows).toBe(3);
    const unsaved = await refusal(host.call("data.probe", { spec: relative, projectPath: null }));
    expect(unsaved.message).toMatch(/relative, but the project has not been saved/);
    const outside = await refusal(
      host.call("data.probe", { spec: { source: { kind: "table", path: "/etc/passwd" } } }),
    );
    expect(outside.code).toBe("E_FORBIDDEN_PATH");
    writeFileSync(join(dir, "broken.csv"), "");
    const broken = await refusal(
      host.call("data.probe", { spec: { source: { kind: "table", path: join(dir, "broken.csv") } } }),
    );
    expect(broken.code).toBe("E_DATA");
  });
});
