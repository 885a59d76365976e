import { access } from "node:fs/promises";
import { basename, dirname } from "node:path";
import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { emptyGraph } from "../../shared/ir/graph";
import { parseDocument } from "../../shared/ir/load";
import { PROJECT_FORMAT, PROJECT_VERSION, type Project } from "../../shared/ir/project";
import { stableStringify } from "../../shared/ir/serialize";
import type { FolderAccess } from "./access";
import { writeFileAtomic } from "./atomic-write";
import { parseJsonText, readJsonFile } from "./json-file";
import type { RecentFiles } from "./recent";
import type { RecoveryStore } from "./recovery";
import { sweepStaleTemps } from "./temp-sweep";
import type { Templates } from "./templates";

type ProjectResult = ResponseOf<"projects.new">;

export function blankProject(name = "Untitled"): Project {
  return { format: PROJECT_FORMAT, version: PROJECT_VERSION, name, graph: emptyGraph(), data: null, training: {} };
}

/**
 * Project files: new (blank or from a template), open (with migration and validation errors that
 * name the problem), save (atomic), import of uploaded text, and the recent-files list.
 */
export class ProjectsService {
  constructor(
    private readonly folders: FolderAccess,
    private readonly recent: RecentFiles,
    private readonly recovery: RecoveryStore,
    private readonly templates: Templates,
  ) {}

  async create(req: ParsedRequestOf<"projects.new">): Promise<ProjectResult> {
    const project = req.template ? await this.templates.get(req.template) : blankProject();
    return { project: req.name ? { ...project, name: req.name } : project, path: null, migrated: [] };
  }

  async open(path: string): Promise<ProjectResult> {
    const real = await this.readable(path);
    const result = toProject(await readJsonFile(real), basename(real));
    await sweepStaleTemps(dirname(real)); // a save cut short by a crash left its temporary file here
    await this.remember(real, result.project.name);
    return { ...result, path: real };
  }

  /** Parses a project file's text uploaded from the browser; it has no path until saved. */
  import(text: string, fileName = "uploaded file"): ProjectResult {
    return { ...toProject(parseJsonText(text, fileName), fileName), path: null };
  }

  /** Writes the file; the runs follow it in RunsService.adopt (handlers.ts). */
  async save(req: ParsedRequestOf<"projects.save">): Promise<Omit<ResponseOf<"projects.save">, "runs">> {
    if (!/\.json$/i.test(req.path)) {
      throw new ApiError(
        "E_BAD_REQUEST",
        `path: expected a project file name ending in .netforge.json; received "${basename(req.path)}"`,
      );
    }
    const real = await this.folders.check(req.path, "write");
    if (req.overwrite === false && (await exists(real))) {
      throw new ApiError("E_EXISTS", `${real} already exists; choose another name or allow replacing it`);
    }
    let bytes: number;
    try {
      bytes = await writeFileAtomic(real, stableStringify(req.project));
    } catch (error) {
      // The old file is untouched: the new content never reached its name.
      throw new ApiError("E_IO", `cannot save ${real}: ${(error as Error).message}; the file on disk is unchanged`);
    }
    await this.remember(real, req.project.name);
    // The save succeeded; a recovery file left behind (disk full) is offered once, never an error here.
    if (req.sessionId) await this.recovery.discard(req.sessionId).catch(() => {});
    return { path: real, savedAt: new Date().toISOString(), bytes };
  }

  /** The recent-files list is a convenience: failing to update it (disk full) never fails an open or save. */
  private async remember(path: string, name: string): Promise<void> {
    await this.recent.add(path, name).catch(() => {});
  }

  /**
   * A path may be read when it lies in an opened folder, or when it is on the recent list and
   * under a browse root (the user opened it through the UI before); its folder is then opened.
   */
  private async readable(path: string): Promise<string> {
    try {
      return await this.folders.check(path, "read");
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== "E_FORBIDDEN_PATH" || !(await this.recent.has(path)))
        throw error;
      await this.folders.open(dirname(path));
      return this.folders.check(path, "read");
    }
  }
}

/** A bare graph file opens as a project named after the file. */
function toProject(raw: unknown, fileName: string): Omit<ProjectResult, "path"> {
  const doc = parseDocument(raw);
  if (!doc.ok) {
    const unsupported = doc.diagnostics.find((d) => d.code === "E_UNSUPPORTED_VERSION");
    throw new ApiError(
      unsupported ? "E_UNSUPPORTED_VERSION" : "E_INVALID_DOCUMENT",
      `${fileName}: ${doc.diagnostics.map((d) => d.message).join("; ")}`,
      doc.diagnostics,
    );
  }
  if (doc.kind === "project") return { project: doc.project, migrated: doc.migrated };
  const name = fileName.replace(/\.netforge\.json$|\.json$/i, "") || "Untitled";
  return { project: { ...blankProject(name), graph: doc.graph }, migrated: doc.migrated };
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
