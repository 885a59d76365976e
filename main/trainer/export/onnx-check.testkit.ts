import { spawnSync } from "node:child_process";

const PYTHON = "/usr/bin/python3";

// check_model(full_check) validates every node against its domain's schema (ai.onnx.ml too);
// strict shape inference fails on a type or shape that no node can produce.
const SCRIPT = [
  "import onnx, sys",
  "m = onnx.load(sys.argv[1])",
  "onnx.checker.check_model(m, full_check=True)",
  "onnx.shape_inference.infer_shapes(m, check_type=True, strict_mode=True)",
].join("\n");

/**
 * The independent checker on one written .onnx file: python3-onnx's check_model(full_check=True)
 * and strict shape inference. Returns the error text, "" when the file passes.
 */
export function checkOnnxFile(path: string): string {
  const r = spawnSync(PYTHON, ["-c", SCRIPT, path], { encoding: "utf8" });
  if (r.error) return `${PYTHON} could not run: ${r.error.message}`;
  if (r.status === 0) return "";
  const lines = r.stderr.trim().split("\n");
  return `${path}: ${lines.at(-1) ?? `python3 exited with ${r.status}`}`;
}
