import type { WeightTensor } from "../../../shared/onnx/emitters/types";
import { type ExportOptions, exportOnnx, type OnnxExport } from "../../../shared/onnx/export";
import type { Compiled } from "../compile/compile";

/**
 * The trainer's half of ONNX export: read every node's trained weights out of tfjs, in the
 * order its layers created them (compileGraph checked that this is the spec's `weights()` order),
 * then let the pure exporter in shared/onnx write the file.
 */
export function nodeWeights(compiled: Compiled): Record<string, WeightTensor[]> {
  const out: Record<string, WeightTensor[]> = {};
  for (const [id, layers] of compiled.layersByNode) {
    out[id] = layers
      .flatMap((l) => l.weights)
      .map((w) => ({ shape: [...w.shape] as number[], data: w.read().dataSync() as Float32Array }));
  }
  return out;
}

export function exportCompiled(compiled: Compiled, opts: Omit<ExportOptions, "weights" | "outputs"> = {}): OnnxExport {
  return exportOnnx(compiled.analysis, { ...opts, weights: nodeWeights(compiled), outputs: compiled.outputs });
}
