import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import * as ort from "onnxruntime-node";
import type { ExportOptions, OnnxExport } from "../../../shared/onnx/export";
import { mulberry32 } from "../../../shared/random";
import type { Compiled } from "../compile/compile";
import { exportCompiled } from "./onnx";

/**
 * Test helpers for ONNX parity (R10): random weights, tfjs vs onnxruntime-node outputs, and the
 * independent python3-onnx checker.
 */

/**
 * Overwrites every weight with seeded noise, as the probe did: U(-0.5, 0.5), moving variances in
 * [0.5, 1.5]. Default initialisation (zero biases, unit statistics) would hide mapping mistakes.
 * Kernels (rank >= 2) are scaled like Glorot/LeCun, U(-a, a) with a = sqrt(3 / fan_in), so outputs
 * keep unit scale as in a trained model; with U(-0.5, 0.5) a 784-input Dense gives outputs near 8,
 * and float32 summation order alone then moves them by about 1e-5.
 */
export function randomizeWeights(c: Compiled, seed = 1): void {
  const random = mulberry32(seed);
  for (const [id, layers] of c.layersByNode) {
    const specs = c.analysis.nodes[id].weights;
    layers
      .flatMap((l) => l.weights)
      .forEach((w, i) => {
        const variance = specs[i]?.name.includes("variance");
        const n = w.shape.reduce((a: number, b) => a * (b as number), 1);
        const fanIn = w.shape.length >= 2 ? n / (w.shape[w.shape.length - 1] as number) : 1;
        const scale = w.shape.length >= 2 ? 2 * Math.sqrt(3 / fanIn) : 1;
        const data = Float32Array.from({ length: n }, () => (variance ? 0.5 + random() : (random() - 0.5) * scale));
        w.write(tf.tensor(data, w.shape as number[]));
      });
  }
}

export interface Parity {
  maxAbsDiff: number;
  exported: OnnxExport;
}

/** Exports, runs the file in onnxruntime-node and tfjs predict() on the same inputs, compares. */
export async function parity(
  c: Compiled,
  xs: tf.Tensor[],
  opts: Omit<ExportOptions, "weights" | "outputs"> = {},
): Promise<Parity> {
  const exported = exportCompiled(c, opts);
  const session = await ort.InferenceSession.create(exported.bytes);
  const feeds: Record<string, ort.Tensor> = {};
  exported.inputs.forEach((v, i) => {
    const x = xs[i];
    const data = x.dtype === "int32" ? Int32Array.from(x.dataSync()) : Float32Array.from(x.dataSync());
    feeds[v.name] = new ort.Tensor(x.dtype === "int32" ? "int32" : "float32", data, x.shape);
  });
  const results = await session.run(feeds);
  const predicted = c.model.predict(xs.length === 1 ? xs[0] : xs) as tf.Tensor | tf.Tensor[];
  const ys = Array.isArray(predicted) ? predicted : [predicted];
  let maxAbsDiff = 0;
  exported.outputs.forEach((v, i) => {
    const got = results[v.name];
    const want = ys[i];
    if (got.dims.join() !== want.shape.join()) {
      throw new Error(`output ${v.name}: onnxruntime shape [${got.dims}], tfjs [${want.shape}]`);
    }
    const a = got.data as Float32Array;
    const b = want.dataSync();
    for (let j = 0; j < b.length; j++) {
      const d = Math.abs(Number(a[j]) - b[j]);
      // NaN must fail the comparison, not slip through Math.max.
      maxAbsDiff = Number.isNaN(d) ? Number.POSITIVE_INFINITY : Math.max(maxAbsDiff, d);
    }
  });
  tf.dispose(ys);
  await session.release();
  return { maxAbsDiff, exported };
}

const PYTHON = "/usr/bin/python3";

/** Why the python3-onnx check cannot run here, or null when it can. */
export function pythonOnnxMissing(): string | null {
  const r = spawnSync(PYTHON, ["-c", "import onnx"], { encoding: "utf8" });
  if (r.error) return `${PYTHON} is absent (${r.error.message})`;
  return r.status === 0 ? null : `python3-onnx is not installed (apt-get install python3-onnx): ${r.stderr.trim()}`;
}

/**
 * check_model(full_check=True), strict shape inference, and a read-back: python-onnx's own
 * serialization of the parsed file must equal our bytes. Returns one line per failing file.
 */
export function pythonOnnxCheck(dir: string, files: string[]): string[] {
  const script = [
    "import onnx, sys",
    "for path in sys.argv[1:]:",
    "    try:",
    "        data = open(path, 'rb').read()",
    "        m = onnx.load_from_string(data)",
    "        onnx.checker.check_model(m, full_check=True)",
    "        onnx.shape_inference.infer_shapes(m, check_type=True, strict_mode=True)",
    "        assert m.SerializeToString() == data, 're-serialized bytes differ'",
    "    except Exception as e:",
    "        print(path + ': ' + str(e).replace(chr(10), ' '))",
  ].join("\n");
  writeFileSync(join(dir, "check.py"), script);
  const out = execFileSync(PYTHON, [join(dir, "check.py"), ...files], { encoding: "utf8" });
  return out.split("\n").filter((l) => l.trim().length > 0);
}
