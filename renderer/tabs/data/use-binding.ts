import type { BindingIssue } from "../../state/binding";
import { useAnalysis } from "../../state/hooks";

/**
 * The bound data against the model. The analysis store computes them (the tabs session hands it
 * the probe summary), so the canvas, the problems list and these tabs agree.
 */
export function useBindingIssues(): readonly BindingIssue[] {
  return useAnalysis((s) => s.binding);
}
