import { useMemo } from "react";
import { resolveTraining } from "../../../shared/training/defaults";
import { useAnalysis, useDoc } from "../../state/hooks";
import { useProbe } from "../common/session";

/**
 * The training settings a run gets: the project's own, and where it is silent the defaults that
 * follow the model and the bound data (shared/training/defaults.ts, which the host applies too).
 */
export function useEffectiveTraining(): Record<string, unknown> {
  const training = useDoc((s) => s.project.training);
  const graph = useAnalysis((s) => s.graph);
  const summary = useProbe((s) => s.summary);
  return useMemo(() => resolveTraining(training, graph, summary), [training, graph, summary]);
}
