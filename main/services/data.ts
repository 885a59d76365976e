import { dirname, isAbsolute, join } from "node:path";
import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { resolveSourcePaths } from "../../shared/datasets/paths";
import type { DatasetSpec } from "../../shared/datasets/spec";
import { isDataError } from "../data/errors";
import { probeSource } from "../data/probe";
import { specForPath } from "../data/source-for-path";
import type { FolderAccess } from "./access";
import { thumbnails } from "./thumbnails";

/** Data probing for the Data tab: file paths are resolved and checked against the opened folders. */
export class DataService {
  constructor(private readonly folders: FolderAccess) {}

  async probe(spec: DatasetSpec, projectPath: string | null | undefined): Promise<ResponseOf<"data.probe">> {
    const resolved = await resolveSpec(this.folders, spec, projectPath ?? null);
    return { summary: await dataErrors(() => probeSource(resolved)) };
  }

  async specForPath(path: string): Promise<ResponseOf<"data.specForPath">> {
    const real = await this.folders.check(path, "read");
    const spec = await dataErrors(() => specForPath(real));
    // A .json spec may point anywhere: every file it names must be readable too.
    await resolveSpec(this.folders, spec, null);
    return { spec };
  }

  thumbnails(req: ParsedRequestOf<"data.thumbnails">): Promise<ResponseOf<"data.thumbnails">> {
    return dataErrors(() => thumbnails(this.folders, req));
  }
}

/**
 * Makes a spec's paths absolute (relative paths are relative to the project file) and checks each
 * against the opened folders; a relative path in an unsaved project cannot be placed, so it is an error.
 */
export async function resolveSpec(
  folders: FolderAccess,
  spec: DatasetSpec,
  projectPath: string | null,
): Promise<DatasetSpec> {
  const paths: string[] = [];
  const resolved = resolveSourcePaths(spec, (p) => {
    const abs = isAbsolute(p) ? p : projectPath ? join(dirname(projectPath), p) : null;
    if (abs === null) {
      throw new ApiError(
        "E_BAD_REQUEST",
        `data path "${p}" is relative, but the project has not been saved yet; save it first or use an absolute path`,
      );
    }
    // An npz member is addressed as "archive.npz:member"; the file is the part before the colon.
    paths.push(abs.replace(/(\.npz):[^/\\]+$/i, "$1"));
    return abs;
  });
  for (const p of paths) await folders.check(p, "read");
  return resolved;
}

async function dataErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isDataError(error)) throw new ApiError("E_DATA", error.message, { code: error.code });
    throw error;
  }
}
