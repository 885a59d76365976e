import { readdir } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import type { ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { InlineDatasetSchema } from "../../shared/datasets/inline";
import { resolveSourcePaths } from "../../shared/datasets/paths";
import { DatasetSpecSchema } from "../../shared/datasets/spec";
import { groupRank } from "../../shared/ir/course-units";
import { parseProject } from "../../shared/ir/load";
import type { Project } from "../../shared/ir/project";
import { inferGraph } from "../../shared/shapes/infer";
import { withoutSplitValidation } from "../../shared/training/validation";
import { readJsonFile } from "./json-file";

type TemplateSummary = ResponseOf<"templates.list">["templates"][number];

const SUFFIX = ".netforge.json";
/** Categories derived from a template without a lesson, after the course units. */
const CATEGORY_ORDER = ["Perceptrons", "Classification", "Regression", "Generative", "Other"];

/**
 * The starter templates: every `*.netforge.json` in resources/templates. The gallery's category is
 * the course unit of the template's lesson, in course order; a template without one gets a
 * category derived from its layers and loss (after the units), so adding a template needs no list edit.
 */
export class Templates {
  constructor(private readonly dir: string) {}

  async list(): Promise<TemplateSummary[]> {
    const files = (await readdir(this.dir).catch(() => [] as string[])).filter((f) => f.endsWith(SUFFIX));
    const out: TemplateSummary[] = [];
    for (const file of files) {
      const id = file.slice(0, -SUFFIX.length);
      const project = await this.load(id);
      out.push({
        id,
        name: project.name,
        description: project.description ?? "",
        category: project.lesson?.unit ?? categoryOf(project),
        graph: project.graph,
        nodeCount: project.graph.nodes.length,
        paramCount: paramCountOf(project),
        dataKind: dataKindOf(project.data),
        ...(project.lesson ? { lesson: project.lesson } : {}),
      });
    }
    const rank = (c: string) => groupRank(c, CATEGORY_ORDER);
    return out.sort((a, b) => rank(a.category) - rank(b.category) || a.name.localeCompare(b.name));
  }

  /**
   * One template as a new project. Its data paths are made absolute (they are relative to the
   * templates folder), so the project still finds its bundled data once saved elsewhere.
   */
  async get(id: string): Promise<Project> {
    const project = await this.load(id);
    const spec = DatasetSpecSchema.safeParse(project.data);
    if (!spec.success) return project;
    const resolved = resolveSourcePaths(spec.data, (p) => (isAbsolute(p) ? p : join(this.dir, p)));
    // Parsing filled in the split's default validation; the project keeps it in `training` only.
    return { ...project, data: withoutSplitValidation(resolved) as unknown as Record<string, unknown> };
  }

  /** The templates folder (data paths of templates resolve against it). */
  get folder(): string {
    return this.dir;
  }

  get resourcesFolder(): string {
    return dirname(this.dir);
  }

  private async load(id: string): Promise<Project> {
    const file = join(this.dir, `${id}${SUFFIX}`);
    const raw = await readJsonFile(file).catch((error) => {
      if (error instanceof ApiError && error.code === "E_NOT_FOUND") {
        throw new ApiError("E_NOT_FOUND", `no template "${id}"`);
      }
      throw error;
    });
    const parsed = parseProject(raw);
    if (!parsed.ok) {
      throw new ApiError(
        "E_INVALID_DOCUMENT",
        `template "${id}" is damaged: ${parsed.diagnostics.map((d) => d.message).join("; ")}`,
        parsed.diagnostics,
      );
    }
    return parsed.value;
  }
}

function categoryOf(project: Project): string {
  const kinds = new Set(project.graph.nodes.map((n) => n.kind));
  if (["GANGenerator", "GANDiscriminator", "VAESampling"].some((k) => kinds.has(k))) return "Generative";
  if (kinds.has("Perceptron")) return "Perceptrons";
  const loss = String((project.training.loss as { type?: unknown } | undefined)?.type ?? "");
  if (/crossentropy|hinge/i.test(loss)) return "Classification";
  if (/squared|absolute|huber|logcosh/i.test(loss)) return "Regression";
  return "Other";
}

/** The model's size as the Summary panel counts it; null rather than a wrong number for a graph with errors. */
function paramCountOf(project: Project): number | null {
  const analysis = inferGraph(project.graph);
  return analysis.ok ? analysis.totals.total : null;
}

function dataKindOf(data: Project["data"]): string | null {
  if (data === null) return null;
  if (InlineDatasetSchema.safeParse(data).success) return "inline";
  const spec = DatasetSpecSchema.safeParse(data);
  return spec.success ? spec.data.source.kind : null;
}
