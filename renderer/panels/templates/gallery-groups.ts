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

/** Whether a template matches the search text: its name, description, unit or lesson. */
export function matchesQuery(t: TemplateSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const lesson = t.lesson ? `${t.lesson.teaches} ${t.lesson.tryNext ?? ""}` : "";
  return `${t.name} ${t.description} ${t.category} ${t.dataKind ?? ""} ${lesson}`.toLowerCase().includes(q);
}

/** A lesson's target in a few words: "val_accuracy ≥ 0.9". */
export function targetLabel(target: Target): string | null {
  if (!target) return null;
  return target.atLeast !== undefined ? `${target.metric} ≥ ${target.atLeast}` : `${target.metric} ≤ ${target.atMost}`;
}

/** Expected training time: "< 1 min", "about 3 min". */
export function minutesLabel(minutes: number | undefined): string | null {
  if (minutes === undefined || !Number.isFinite(minutes) || minutes <= 0) return null;
  return minutes < 1 ? "< 1 min" : `about ${Math.round(minutes)} min`;
}
