import { type Graph, GraphSchema } from "../../ir/graph";

/** Input [inputs] -> Dense(hidden) -> output block: the small models the defaults and fit tests use. */
export function chain(output: { kind: string; params: Record<string, unknown> }, inputs = 2, hidden = 4): Graph {
  return GraphSchema.parse({
    format: "netforge.graph",
    version: 1,
    nodes: [
      { id: "input_1", kind: "Input", params: { shape: [inputs] } },
      { id: "dense_1", kind: "Dense", params: { units: hidden, activation: "tanh" } },
      { id: "out", ...output },
    ],
    edges: [
      { id: "e1", source: "input_1", target: "dense_1", targetPort: "in" },
      { id: "e2", source: "dense_1", target: "out", targetPort: "in" },
    ],
  });
}

/** A dense output of `units` with `activation`. */
export const mlp = (units: number, activation: string, inputs = 2): Graph =>
  chain({ kind: "Dense", params: { units, activation } }, inputs);

/** One Perceptron unit after the hidden layer (its output is a 0/1 step). */
export const perceptron = (): Graph => chain({ kind: "Perceptron", params: { units: 1 } });
