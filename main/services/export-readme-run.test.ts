import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERIFY_TOLERANCE } from "../../shared/onnx/result";
import { exportRun } from "./export";
import { writeProject } from "./export-raw.testkit";
import { readmeName } from "./export-readme";
import { TrainerClient } from "./trainer-client";

/**
 * The README written beside a real export: its Node example, taken out of the Markdown as a user
 * would copy it, runs with `node` against the written file and prints NetForge's answer on the
 * sample. The Python example runs too where /usr/bin/python3 has onnxruntime.
 */
const ROOT = join(import.meta.dirname, "../..");
const IRIS = join(ROOT, "resources/templates/iris.netforge.json");
const dir = mkdtempSync(join(tmpdir(), "netforge-export-readme-"));
let trainer: TrainerClient;

beforeAll(async () => {
  trainer = await TrainerClient.start({ backend: "wasm" });
}, 60_000);
afterAll(() => trainer.shutdown());

const pythonOrt = (() => {
  try {
    execFileSync("/usr/bin/python3", ["-c", "import numpy, onnxruntime"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** The fenced block of `lang` in the Markdown (the first one). */
function block(md: string, lang: string): string {
  const m = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\``).exec(md);
  expect(m, `a ${lang} block`).not.toBeNull();
  return (m as RegExpExecArray)[1];
}

/** `name: [values]` lines, as the examples print and the README says they should. */
function printed(text: string): Map<string, (number | string)[]> {
  const out = new Map<string, (number | string)[]>();
  for (const line of text.trim().split("\n")) {
    const at = line.indexOf(": ");
    out.set(line.slice(0, at), (JSON.parse(line.slice(at + 2).replace(/'/g, '"')) as unknown[]).flat(4) as never);
  }
  return out;
}

function expectSameAnswer(got: Map<string, (number | string)[]>, want: Map<string, (number | string)[]>): void {
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [name, values] of want) {
    const actual = got.get(name) ?? [];
    expect(actual).toHaveLength(values.length);
    values.forEach((v, i) => {
      if (typeof v === "string") expect(actual[i], `${name}[${i}]`).toBe(v);
      else expect(Math.abs((actual[i] as number) - v), `${name}[${i}]`).toBeLessThanOrEqual(VERIFY_TOLERANCE);
    });
  }
}

/** Exports `project` into its own folder and runs the README's Node example there. */
async function exportAndRun(project: string, name: string, inputs: "raw" | "bare" = "raw") {
  const folder = join(dir, name);
  mkdirSync(folder);
  const out = join(folder, `${name}.onnx`);
  const result = await exportRun({ project, out, trainer, inputs });
  expect(result.verified).toBe(true);
  const readme = join(folder, readmeName(basename(out)));
  expect(result.beside).toContain(readme);
  const md = readFileSync(readme, "utf8");
  writeFileSync(join(folder, "example.js"), block(md, "js"));
  const stdout = execFileSync(process.execPath, ["example.js"], {
    cwd: folder,
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
    encoding: "utf8",
  });
  return { result, md, folder, node: printed(stdout), expected: printed(block(md, "text")) };
}

describe("README beside the model", () => {
  it("iris: the Node example prints NetForge's probabilities and class for the first validation row", async () => {
    const { result, md, folder, node, expected } = await exportAndRun(IRIS, "iris");
    expect(md).toContain("| `sepal_length` | float32 | [N, 1] |");
    expectSameAnswer(node, expected);
    // The README's expected lines are NetForge's answer: the report's class and confidence for the sample.
    const [label, confidence] = (result.rawCheck?.shown[0].netforge ?? "").split(" ");
    const probabilities = node.get("probabilities") as number[];
    const best = probabilities.indexOf(Math.max(...probabilities));
    expect(probabilities[best].toFixed(2)).toBe(confidence);
    expect(["setosa", "versicolor", "virginica"]).toContain(label);
    // The label output is the class name, or its id when the file has no names.
    expect([[label], [best]]).toContainEqual(node.get("label"));
    // Without onnxruntime in Python the example cannot run here; Python still reads it as valid code.
    execFileSync("/usr/bin/python3", ["-c", "import ast, sys; ast.parse(sys.stdin.read())"], {
      input: block(md, "python"),
    });
    if (pythonOrt) {
      writeFileSync(join(folder, "example.py"), block(md, "python"));
      const py = execFileSync("/usr/bin/python3", ["example.py"], { cwd: folder, encoding: "utf8" });
      expectSameAnswer(printed(py), expected);
    }
  }, 90_000);

  it("Fashion-MNIST (IDX): the Node example feeds one image's uint8 pixels", async () => {
    const { md, node, expected } = await exportAndRun(
      join(ROOT, "resources/templates/fashion-mnist-mlp.netforge.json"),
      "fashion",
    );
    expect(md).toMatch(/\| `[\w.]+` \| uint8 \| \[N, 28, 28(, 1)?\] \|/);
    expect(block(md, "js")).toMatch(
      /new ort\.Tensor\("uint8", Uint8Array\.from\(\[(\d+, ){783}\d+\]\), \[1, 28, 28(, 1)?\]\)/,
    );
    expect(md).toContain("| 9 | Ankle boot |");
    expectSameAnswer(node, expected);
  }, 90_000);

  it("bare iris: the transform comes first, and the example feeds one preprocessed sample", async () => {
    const { result, md, node, expected } = await exportAndRun(IRIS, "iris-bare", "bare");
    expect(result.pipeline?.mode).toBe("bare");
    expect(md.indexOf("## ⚠ Expects preprocessed inputs")).toBeGreaterThan(0);
    expect(md.indexOf("## ⚠ Expects preprocessed inputs")).toBeLessThan(md.indexOf("## Inputs"));
    for (const step of result.pipeline?.steps ?? []) expect(md).toContain(step);
    expect(md).not.toContain("## Preprocessing inside the file");
    expect(expected.size).toBeGreaterThan(0);
    expectSameAnswer(node, expected);
  }, 90_000);

  it("a table with a text column: the Node example feeds strings", async () => {
    const lines = ["mass,colour,fruit"];
    for (let i = 0; i < 30; i++)
      lines.push(`${100 + ((i * 37) % 90)},${["red", "green", "yellow"][i % 3]},${i % 2 ? "apple" : "pear"}`);
    writeFileSync(join(dir, "fruit.csv"), `${lines.join("\n")}\n`);
    const project = writeProject(dir, "fruit", {
      shape: [4],
      layers: [["Dense", { units: 2, activation: "softmax" }]],
      data: {
        source: { kind: "table", path: join(dir, "fruit.csv"), label: "fruit" },
        split: { seed: 1, validation: 0.2, test: 0 },
      },
    });
    const { md, node, expected } = await exportAndRun(project, "fruit");
    expect(md).toContain("| `colour` | string | [N, 1] |");
    expect(block(md, "js")).toMatch(/"colour": new ort\.Tensor\("string", \["(red|green|yellow)"\], \[1, 1\]\)/);
    expectSameAnswer(node, expected);
  }, 90_000);
});
