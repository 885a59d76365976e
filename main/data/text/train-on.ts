import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { startRun } from "../../trainer/run/fit";

/** Trains a graph in-process on a file data source; returns the epoch metrics and errors. */
export async function trainOn(name: string, nodes: object[], source: object, training: object) {
  const edges = nodes.slice(1).map((n, i) => ({
    id: `e${i}`,
    source: (nodes[i] as { id: string }).id,
    target: (n as { id: string }).id,
    targetPort: "in",
  }));
  const messages: TrainerMessage[] = [];
  const handle = startRun(
    {
      type: "start",
      runId: name,
      graph: { format: "netforge.graph", version: 1, nodes, edges },
      training: { optimizer: { type: "adam" }, seed: 1, ...training },
      data: { source, split: { validation: 0.2, seed: 1 } },
    } as never,
    (m) => messages.push(m),
  );
  await handle.finished;
  handle.dispose();
  return {
    errors: messages.flatMap((m) => (m.type === "error" ? [m] : [])),
    epochs: messages.flatMap((m) => (m.type === "epoch" ? [m.metrics as Record<string, number>] : [])),
  };
}
