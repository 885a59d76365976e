import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sequential } from "../../shared/ir/builder";
import { runCli, tempFiles } from "./cli-testkit";
import { COMMANDS } from "./index";

const run = runCli;
const { dir, file } = tempFiles("netforge-cli-");

const cnn = sequential(
  [28, 28, 1],
  ["Conv2D", { filters: 8, kernelSize: 3, activation: "relu" }],
  ["MaxPooling2D", { poolSize: 2 }],
  ["Flatten"],
  ["Dense", { units: 10, activation: "softmax" }],
);

describe("netforge layers", () => {
  it("prints every kind grouped by category with params, defaults and bounds", async () => {
    const r = await run("layers");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Convolution\n");
    expect(r.stdout).toMatch(/ {2}Conv2D +/);
    expect(r.stdout).toContain("units: int = 32 in [1, 1000000]");
    expect(r.stdout).toMatch(/padding: one of valid\|same/);
  });
  it("--json prints the catalog as data", async () => {
    const r = await run("layers", "--json");
    const layers = JSON.parse(r.stdout) as {
      kind: string;
      params: Record<string, { default: unknown }>;
      inputs: unknown[];
    }[];
    expect(layers.length).toBeGreaterThanOrEqual(55);
    const dense = layers.find((l) => l.kind === "Dense");
    expect(dense?.params.units.default).toBe(32);
    expect(dense?.inputs).toHaveLength(1);
  });
  it("refuses an unknown flag with exit code 1", async () => {
    const r = await run("layers", "--jsn");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Usage: netforge layers");
  });
});

describe("netforge check", () => {
  it("prints shapes and params of a valid graph and exits 0", async () => {
    const r = await run("check", file("cnn.json", cnn));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/conv2d_1 +Conv2D +\[26,26,8\] +80/);
    expect(r.stdout).toContain("Total params: 13,610 (trainable 13,610, non-trainable 0)");
    expect(r.stdout).toContain("OK");
  });

  it("--json follows the documented shape", async () => {
    const r = await run("check", file("cnn2.json", cnn), "--json");
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.totalParams).toBe(13_610);
    expect(out.nodes[1]).toMatchObject({
      id: "conv2d_1",
      kind: "Conv2D",
      outputShape: [26, 26, 8],
      params: 80,
      diagnostics: [],
    });
    expect(out.diagnostics).toEqual([]);
  });

  it("accepts a project file and checks its graph", async () => {
    const project = {
      format: "netforge.project",
      version: 1,
      name: "cnn",
      graph: cnn,
      data: null,
      training: {},
    };
    expect((await run("check", file("p.netforge.json", project))).code).toBe(0);
  });

  it("exits 1 and lists diagnostics with codes for an invalid graph", async () => {
    const broken = sequential([28, 28, 1], ["Conv2D", { filters: 8, kernelSize: 3 }], ["Dense", { units: 0 }]);
    const r = await run("check", file("broken.json", broken), "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.nodes[2].diagnostics[0]).toMatchObject({
      code: "E_PARAM_INVALID",
    });
    const text = await run("check", join(dir, "broken.json"));
    expect(text.stdout).toContain('E_PARAM_INVALID Dense "dense_1": units must be');
    expect(text.stdout).toMatch(/1 error/);
  });

  it.each([
    ["a missing file", () => join(dir, "nope.json"), "cannot read the file (ENOENT)"],
    ["a directory", () => dir, "expected a JSON file; received a directory"],
    ["broken JSON", () => file("bad.json", '{"format": "netforge.graph",'), "not valid JSON"],
    [
      "a foreign JSON document",
      () => file("keras.json", { class_name: "Sequential" }),
      'expected a NetForge document with format "netforge.project" or "netforge.graph"',
    ],
    ["a newer version", () => file("v9.json", { ...cnn, version: 9 }), "written by a newer NetForge"],
  ])("exits 1 with a clear message for %s", async (_what, path, message) => {
    const r = await run("check", path());
    expect(r.code).toBe(1);
    expect(`${r.stdout}${r.stderr}`).toContain(message);
  });

  it("exits 1 when no file is given", async () => {
    const r = await run("check");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("expected one file; received 0");
  });
});

describe("netforge templates", () => {
  it("lists every bundled template with its unit, data kind, parameter count and expected minutes", async () => {
    const json = await run("templates", "--json");
    expect(json.code, json.stderr).toBe(0);
    const list = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThanOrEqual(9);
    const keys = ["category", "dataKind", "description", "id", "minutes", "name", "paramCount", "unit"];
    for (const t of list) expect(Object.keys(t).sort()).toEqual(keys);
    expect(list).toContainEqual(
      expect.objectContaining({ id: "xor", name: "XOR MLP", dataKind: "inline", paramCount: 17, minutes: 0.2 }),
    );
    expect(list).toContainEqual(
      expect.objectContaining({ id: "iris", category: "Multilayer networks", unit: "Multilayer networks" }),
    );
    expect(list).toContainEqual(expect.objectContaining({ id: "lenet-5", paramCount: 61_706 }));
    const text = await run("templates");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^id +name +unit +data +params +minutes$/m);
    expect(text.stdout).toMatch(/^xor +XOR MLP +Multilayer networks +inline +17 +0\.2$/m);
    expect(text.stdout).toMatch(/^lenet-5 .* idx +61,706 +1$/m);
    expect(text.stdout).toContain(`${list.length} templates.`);
  });
});

describe("netforge (dispatcher)", () => {
  it("exits 1 on an unknown command and names the known ones", async () => {
    const r = await run("trian");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`unknown command "trian"; expected one of ${Object.keys(COMMANDS).join(", ")}`);
    for (const name of ["layers", "check", "train", "evaluate", "export", "serve"]) expect(r.stderr).toContain(name);
  });
  it("exits 2 on an internal error, with the stack", async () => {
    COMMANDS.boom = {
      usage: "",
      help: "",
      run: async () => Promise.reject(new TypeError("kaput")),
    };
    try {
      const r = await run("boom");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("internal error: TypeError: kaput");
    } finally {
      delete COMMANDS.boom;
    }
  });
  it("runs as a real binary (npx netforge) with the same exit codes", () => {
    const bin = join(import.meta.dirname, "netforge.mjs");
    const ok = spawnSync(process.execPath, [bin, "check", join(dir, "cnn.json")], { encoding: "utf8" });
    expect(ok.status, ok.stderr).toBe(0);
    const bad = spawnSync(process.execPath, [bin, "check", join(dir, "broken.json")], { encoding: "utf8" });
    expect(bad.status).toBe(1);
  });
});
