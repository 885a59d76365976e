import type { z } from "zod";
import { type Diagnostic, diagnostic, formatValue } from "../diagnostics";
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph, GraphSchema } from "./graph";
import { type DocumentFormat, migrate } from "./migrations";
import { PROJECT_FORMAT, PROJECT_VERSION, type Project, ProjectSchema } from "./project";

/**
 * Boundary parsing of documents: migrate to the current version, then validate with the schema.
 * Never throws; every problem is an E_INVALID_DOCUMENT / E_UNSUPPORTED_VERSION diagnostic that
 * names the path in the document, what was expected and what was received.
 */
export type Loaded<T> = { ok: true; value: T; migrated: string[] } | { ok: false; diagnostics: Diagnostic[] };

export function parseGraph(raw: unknown): Loaded<Graph> {
  return parseAs(raw, GRAPH_FORMAT, GRAPH_VERSION, GraphSchema);
}

export function parseProject(raw: unknown): Loaded<Project> {
  return parseAs(raw, PROJECT_FORMAT, PROJECT_VERSION, ProjectSchema);
}

/** Either kind of file: a bare graph or a project (whose graph is then analysed). */
export function parseDocument(raw: unknown):
  | { ok: true; kind: "graph"; graph: Graph; migrated: string[] }
  | {
      ok: true;
      kind: "project";
      project: Project;
      graph: Graph;
      migrated: string[];
    }
  | { ok: false; diagnostics: Diagnostic[] } {
  const format = raw !== null && typeof raw === "object" ? (raw as { format?: unknown }).format : undefined;
  if (format === PROJECT_FORMAT) {
    const r = parseProject(raw);
    return r.ok
      ? {
          ok: true,
          kind: "project",
          project: r.value,
          graph: r.value.graph,
          migrated: r.migrated,
        }
      : r;
  }
  if (format === GRAPH_FORMAT) {
    const r = parseGraph(raw);
    return r.ok ? { ok: true, kind: "graph", graph: r.value, migrated: r.migrated } : r;
  }
  return {
    ok: false,
    diagnostics: [
      diagnostic(
        "E_INVALID_DOCUMENT",
        `expected a NetForge document with format "${PROJECT_FORMAT}" or "${GRAPH_FORMAT}"; received ${
          raw !== null && typeof raw === "object" && !Array.isArray(raw)
            ? `format ${JSON.stringify(format) ?? "(missing)"}`
            : formatValue(raw).slice(0, 80)
        }`,
      ),
    ],
  };
}

function parseAs<S extends z.ZodType>(
  raw: unknown,
  format: DocumentFormat,
  version: number,
  schema: S,
): Loaded<z.infer<S>> {
  const m = migrate(raw, format, version);
  if (!m.ok) return { ok: false, diagnostics: [diagnostic(m.code, m.message)] };
  const fast = schema.safeParse(m.doc);
  if (fast.success) return { ok: true, value: fast.data, migrated: m.applied };
  // Parse again only on failure, keeping the received values for the messages.
  const r = schema.safeParse(m.doc, { reportInput: true });
  if (r.success) return { ok: true, value: r.data, migrated: m.applied };
  return {
    ok: false,
    diagnostics: r.error.issues.slice(0, 20).map((issue) => diagnostic("E_INVALID_DOCUMENT", issueText(issue))),
  };
}

function issueText(issue: z.core.$ZodIssue): string {
  const path =
    issue.path.length === 0
      ? "(document)"
      : issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
  const input = (issue as { input?: unknown }).input;
  const got = input === undefined ? "" : `. Received: ${truncate(formatValue(input))}`;
  const message =
    issue.code === "unrecognized_keys"
      ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`
      : issue.message;
  return `${path}: ${message}${issue.code === "unrecognized_keys" ? "" : got}`;
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
