import type { RunView } from "../../state/training-store";

export type Part = RunView["parts"][number];

export const PART_NAMES: Record<Part, string> = {
  validation: "validation part",
  test: "test part",
  train: "training part",
};

/**
 * The parts of a run's data split Evaluate offers: the host's list (runs.list), or, for a run that
 * just ended and is not listed again yet, what its curves show (val_ metrics mean a validation part).
 */
export function partsOf(run: Pick<RunView, "parts" | "curves">): Part[] {
  if (run.parts.length > 0) return run.parts;
  return "val_loss" in run.curves.epoch ? ["validation", "train"] : ["train"];
}

/** What the parts mean, for the placeholder before the first evaluation. */
export function partsHint(parts: readonly Part[]): string {
  const held = parts.filter((p) => p !== "train");
  if (held.length === 0)
    return "This run kept no samples aside (no validation or test part), so it can be evaluated on the data it trained on.";
  return `The ${held.join(" and ")} part${held.length > 1 ? "s are" : " is"} data the run did not train on; the training part shows how well it fit.`;
}

/** A Weights option: which checkpoint, and the epoch it is from as far as the run's history says. */
export function checkpointLabel(kind: "best" | "last", run: RunView | undefined): string {
  if (kind === "best") return run?.best ? `best (epoch ${run.best.epoch}, ${run.best.metric})` : "best";
  return run && run.epochsDone > 0 ? `last (epoch ${run.epochsDone})` : "last";
}
