import type { Diagnostic } from "../../../shared/diagnostics";

/** What the validation pill and the Problems header say about the graph. */
export interface ValidationState {
  kind: "empty" | "error" | "warning" | "ok";
  /** "Empty", "2 errors", "1 warning", "Valid". */
  text: string;
  /** The next step or the first problem, for a tooltip. */
  detail: string;
  /** The problems to list and count: none for an empty canvas, whose only "problem" is being empty. */
  problems: Diagnostic[];
  errors: number;
  warnings: number;
}

export const EMPTY_GRAPH_HINT = "Add an Input block from the palette, or start from a template.";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * An empty graph is where everyone starts, not a mistake: it gets the next step instead of a red
 * "1 error" (the analysis still reports E_NO_INPUT, so training and the CLI refuse it).
 */
export function validationState(diagnostics: readonly Diagnostic[], nodeCount: number): ValidationState {
  if (nodeCount === 0) {
    return { kind: "empty", text: "Empty", detail: EMPTY_GRAPH_HINT, problems: [], errors: 0, warnings: 0 };
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const first = diagnostics.find((d) => d.severity === "error") ?? diagnostics[0];
  const detail = first ? `${first.code}: ${first.message}` : "Every shape checks out";
  const problems = [...diagnostics];
  if (errors) return { kind: "error", text: plural(errors, "error"), detail, problems, errors, warnings };
  if (warnings) return { kind: "warning", text: plural(warnings, "warning"), detail, problems, errors, warnings };
  return { kind: "ok", text: "Valid", detail, problems, errors, warnings };
}
