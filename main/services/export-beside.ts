import { basename, dirname, join } from "node:path";
import type { SideFile } from "../../shared/onnx/pipeline/types";
import { writeFileAtomic } from "./atomic-write";

/**
 * Writes files beside an exported model (a text model's vocabulary, the README), each whole or
 * not at all, and returns their paths. A name is a plain file name: one that would land elsewhere
 * ("../x", "a/b") is refused rather than written outside the model's folder.
 */
export async function writeBeside(model: string, files: readonly SideFile[]): Promise<string[]> {
  const paths: string[] = [];
  for (const f of files) {
    if (f.name !== basename(f.name) || f.name === "" || f.name === "." || f.name === "..")
      throw new Error(`a file beside the model must be a plain file name; received ${JSON.stringify(f.name)}`);
    const path = join(dirname(model), f.name);
    await writeFileAtomic(path, f.contents);
    paths.push(path);
  }
  return paths;
}
