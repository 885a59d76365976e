import { useMemo } from "react";
import { parseTrainingConfig } from "../../../shared/training/config";
import { isBindingCode } from "../../state/binding";
import { useAnalysis } from "../../state/hooks";
import { isActive } from "../../state/training-store";
import { useProbe, useTraining } from "../common/session";
import { useConnection } from "../common/use-connection";
import { useBindingIssues } from "../data/use-binding";
import { startBlockers } from "./start-check";
import { useEffectiveTraining } from "./use-settings";

/** Why Start is disabled right now (empty: it is not). */
export function useStartBlockers(): string[] {
  const connection = useConnection();
  const diagnostics = useAnalysis((s) => s.graph.diagnostics);
  const training = useEffectiveTraining();
  const binding = useProbe((s) => s.binding);
  const error = useProbe((s) => s.error);
  const probing = useProbe((s) => s.probing);
  const issues = useBindingIssues();
  const busy = useTraining((s) => s.order.some((id) => isActive(s.runs[id])));
  const elsewhere = useTraining((s) => s.foreign.size > 0);
  return useMemo(() => {
    const parsed = parseTrainingConfig(training);
    return startBlockers({
      connected: connection === "open",
      busy,
      elsewhere,
      // Data/model mismatches are listed with the binding below, not again as design errors.
      graphErrors: diagnostics.filter((d) => d.severity === "error" && !isBindingCode(d.code)),
      probe: { binding, error, probing },
      binding: issues,
      configIssues: parsed.ok ? [] : parsed.issues,
    });
  }, [connection, busy, elsewhere, diagnostics, training, binding, error, probing, issues]);
}
