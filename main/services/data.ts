import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import type { DatasetSpec } from "../../shared/datasets/spec";
import { isDataError } from "../data/errors";
import { probeSource } from "../data/probe";
import { specForPath } from "../data/source-for-path";
import type { FolderAccess } from "./access";
import { resolveSpec } from "./data-paths";
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

async function dataErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isDataError(error)) throw new ApiError("E_DATA", error.message, { code: error.code });
    throw error;
  }
}
