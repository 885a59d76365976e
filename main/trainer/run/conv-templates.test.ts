import { describe, it } from "vitest";
import { checkTemplateBuilds, checkTrainedTemplate } from "../testing/template-check";
import { trainedRuns } from "./evaluate-fixtures";

/**
 * The convolutional templates of the course (issue 15): each builds with tfjs' shapes and
 * parameter counts, trains one epoch on its bundled data, evaluates, and exports ONNX whose
 * outputs match the trained model. The targets their defaults reach are in each file's lesson.
 */
const trained = trainedRuns();

describe("convolutional templates", () => {
  it.each(["digits-cnn", "fashion-mnist-cnn", "residual-block", "densenet-block"])(
    "%s builds, trains an epoch on its data, evaluates and exports with parity",
    async (name) => {
      checkTemplateBuilds(name);
      await checkTrainedTemplate(name, await trained(name, { epochs: 1 }));
    },
    120_000,
  );
});
