import type { PipelinePort } from "../../../shared/onnx/pipeline/types";
import type { RawTensor } from "../../../shared/onnx/trainer-job";
import type { RawColumn } from "./raw-types";

/**
 * The raw samples as the exported file's inputs: one column per input, in the pipeline's input
 * order (a table's columns, the pixels, the window), or every numeric column side by side in one
 * float matrix (tableInputs "matrix"). Values keep what the file holds; only the element type
 * follows the port (a number column fed to a string port is its text, as a user's CSV reader gives).
 */
export function rawFeeds(ports: readonly PipelinePort[], columns: readonly RawColumn[], count: number): RawTensor[] {
  if (ports.length === columns.length) return ports.map((p, i) => feed(p, columns[i], count));
  const numeric = columns.every((c) => c.dtype === "float32" && c.shape.join() === "1");
  if (ports.length === 1 && numeric) {
    const matrix = new Float32Array(count * columns.length);
    for (const [c, col] of columns.entries())
      for (let r = 0; r < count; r++) matrix[r * columns.length + c] = (col.data as Float32Array)[r];
    return [feed(ports[0], { name: ports[0].name, dtype: "float32", shape: [columns.length], data: matrix }, count)];
  }
  throw new Error(
    `the raw check expected the file to take ${columns.length} raw input(s) (${columns.map((c) => c.name).join(", ")}); the pipeline declares ${ports.length} (${ports.map((p) => p.name).join(", ")})`,
  );
}

function feed(port: PipelinePort, col: RawColumn, count: number): RawTensor {
  const data = col.data;
  const size = data.length;
  // The port's dims where it names them ([N, 1] for a column, [N, H, W, C] for pixels).
  const dims = port.shape.slice(1);
  const fixed = dims.every((d) => typeof d === "number");
  const shape = dims.length === col.shape.length || !fixed ? [count, ...col.shape] : [count, ...(dims as number[])];
  const numbers = () => (Array.isArray(data) ? data.map(Number) : Array.from(data));
  switch (port.dtype) {
    case "string":
      return {
        name: port.name,
        dtype: "string",
        shape,
        data: Array.isArray(data) ? [...data] : Array.from(data, (v) => (Number.isNaN(v) ? "" : String(v))),
      };
    case "float32":
      return { name: port.name, dtype: "float32", shape, data: Float32Array.from(numbers()) };
    case "int32":
      return { name: port.name, dtype: "int32", shape, data: Int32Array.from(numbers()) };
    case "uint8":
      return { name: port.name, dtype: "uint8", shape, data: Uint8Array.from(numbers()) };
    case "int64":
      return { name: port.name, dtype: "int64", shape, data: BigInt64Array.from(numbers(), (v) => BigInt(v)) };
  }
  throw new Error(`${port.name}: a raw input of type ${String(port.dtype)} cannot be fed (${size} values)`);
}
