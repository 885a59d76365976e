import { GraphBuilder } from "../../../shared/ir/builder";
import type { Graph } from "../../../shared/ir/graph";
import type { Project } from "../../../shared/ir/project";
import { blankProject } from "../document-store";

/** Projects for the state tests, built with the same GraphBuilder templates use. */
export function projectOf(graph: Graph, name = "test"): Project {
  return { ...blankProject(name), graph };
}

/** Input [28,28,1] -> Conv2D -> Flatten -> Dense(10): the first walk-through. */
export function cnn(): Project {
  const b = new GraphBuilder();
  b.chain(
    null,
    ["Input", { shape: [28, 28, 1] }],
    ["Conv2D", { filters: 8, kernelSize: 3 }],
    ["Flatten"],
    ["Dense", { units: 10, activation: "softmax" }],
  );
  return projectOf(b.build());
}

/** A residual CNN of about `size` nodes (the shape benchmark's graph). */
export function residual(size: number): Project {
  const b = new GraphBuilder();
  let x = b.add("Input", { shape: [32, 32, 16] });
  let count = 1;
  while (count < size - 6) {
    const [, , act] = b.chain(
      x,
      ["Conv2D", { filters: 16, kernelSize: 3, padding: "same" }],
      ["BatchNormalization"],
      ["Activation", { activation: "relu" }],
    );
    const add = b.add("Add");
    b.connect(act, add).connect(x, add);
    x = add;
    count += 4;
  }
  b.chain(x, ["GlobalAveragePooling2D"], ["Dense", { units: 10, activation: "softmax" }]);
  return projectOf(b.build());
}
