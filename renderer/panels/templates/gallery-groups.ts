import type { ResponseOf } from "../../../shared/api/contract";
import { groupRank } from "../../../shared/ir/course-units";

type TemplateSummary = ResponseOf<"templates.list">["templates"][number];
type Target = NonNullable<TemplateSummary["lesson"]>["target"];

export interface TemplateGroup {
  unit: string;
  templates: TemplateSummary[];
}

/**
 * The gallery's sections: one per course unit, in course order, then any other category (a
 * template without a lesson) in the order the host listed it; templates keep the host's order
 * within a section.
 */
export function groupTemplates(templates: readonly TemplateSummary[]): TemplateGroup[] {
  const others = [...new Set(templates.map((t) => t.category))];
  const groups = new Map<string, TemplateSummary[]>();
  for (const t of templates) groups.set(t.category, [...(groups.get(t.category) ?? []), t]);
  return [...groups.entries()]
    .map(([unit, list]) => ({ unit, templates: list }))
    .sort((a, b) => groupRank(a.unit, others) - groupRank(b.unit, others));
}

/**
 * Whether a template matches the search text: its name, description, unit, lesson, data kind, or
 * the kind of a layer in its graph (a learner types "LSTM" or "Conv2D").
 */
export function matchesQuery(t: TemplateSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const lesson = t.lesson ? `${t.lesson.teaches} ${t.lesson.tryNext ?? ""}` : "";
  const kinds = [...new Set(t.graph.nodes.map((n) => n.kind))].join(" ");
  const data = t.dataKind ? `${t.dataKind} ${dataKindLabel(t.dataKind)}` : "";
  return `${t.name} ${t.description} ${t.category} ${data} ${kinds} ${lesson}`.toLowerCase().includes(q);
}

/** Data source kinds in a learner's words. */
const DATA_KINDS: Record<string, string> = {
  table: "table",
  imageFolder: "images",
  idx: "IDX",
  timeSeries: "series",
  text: "text",
  sentencePairs: "sentence pairs",
  npy: "arrays (.npy)",
  inline: "inline samples",
};

/** How a template's data comes, as the card says it: "sentence pairs"; an unknown kind as is. */
export function dataKindLabel(kind: string): string {
  return DATA_KINDS[kind] ?? kind;
}

/** A model's size: "61,706 parameters", "1 parameter"; nothing when it is unknown. */
export function paramsLabel(count: number | null): string | null {
  if (count === null || !Number.isSafeInteger(count) || count < 0) return null;
  return `${count.toLocaleString("en-US")} ${count === 1 ? "parameter" : "parameters"}`;
}

/** A lesson's target in a few words: "val_accuracy ≥ 0.9". */
export function targetLabel(target: Target): string | null {
  if (!target) return null;
  return target.atLeast !== undefined ? `${target.metric} ≥ ${target.atLeast}` : `${target.metric} ≤ ${target.atMost}`;
}

/** Expected training time on the machine the lessons were timed on: "about 2 min on a laptop CPU". */
export function minutesLabel(minutes: number | undefined): string | null {
  if (minutes === undefined || !Number.isFinite(minutes) || minutes <= 0) return null;
  return `${minutes < 1 ? "under a minute" : `about ${Math.round(minutes)} min`} on a laptop CPU`;
}
