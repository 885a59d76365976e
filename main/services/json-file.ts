import { readFile } from "node:fs/promises";
import { ApiError } from "../../shared/api/errors";

/** Reads and parses a JSON file; missing file -> E_NOT_FOUND, bad JSON -> E_INVALID_DOCUMENT. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ApiError("E_NOT_FOUND", `no such file: ${path}`);
    if (code === "EISDIR") throw new ApiError("E_NOT_FOUND", `expected a file; ${path} is a folder`);
    throw new ApiError("E_IO", `cannot read ${path}: ${(error as Error).message}`);
  }
  return parseJsonText(text, path);
}

export function parseJsonText(text: string, name: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ApiError("E_INVALID_DOCUMENT", `${name}: not valid JSON (${(error as Error).message})`);
  }
}
