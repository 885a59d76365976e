import { z } from "zod";
import { DecisionBoundarySchema } from "../../evaluation/report";
import { RunIdSchema } from "./common";

/** Cells per side of the boundary streamed while training: coarse, so an update costs little. */
export const LIVE_BOUNDARY_RESOLUTION = 40;

const num = z.number();

/**
 * The decision boundary at the end of one epoch of training, in the data's original units
 * (a table's standardization undone): the Evaluate boundary's fields, the epoch it shows, the
 * validation points beside the training ones, and a Perceptron's line w1 x + w2 y + b = 0.
 */
export const LiveBoundarySchema = DecisionBoundarySchema.extend({
  /** Epochs completed when it was computed (1 = after the first epoch). */
  epoch: z.number().int().min(1),
  validation: z.object({ x: z.array(num), y: z.array(num), target: z.array(num) }).nullable(),
  line: z.object({ w: z.tuple([num, num]), b: num }).nullable(),
  /** Class names by id (the legend), when the data name them. */
  classNames: z.array(z.string()).nullable(),
});

export type LiveBoundary = z.infer<typeof LiveBoundarySchema>;

/** The file in a run folder holding the run's last live boundary (so a reopened run shows it). */
export const LIVE_BOUNDARY_FILE = "boundary.json";

export const TrainBoundaryEventSchema = z.object({ runId: RunIdSchema, boundary: LiveBoundarySchema });

/** null: the run has no boundary (not two-feature data, or it ended before the first epoch). */
export const RunBoundaryResultSchema = z.object({ boundary: LiveBoundarySchema.nullable() });
