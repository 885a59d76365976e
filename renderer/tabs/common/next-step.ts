/**
 * What a tab says when it has nothing to show yet, and which buttons take the next step. Pure, so
 * every case is tested; NextStepCard.tsx draws it.
 */
export type NextAction = "templates" | "design" | "data" | "train" | "save";

export interface NextStep {
  title: string;
  text: string;
  actions: NextAction[];
}

export interface ProjectProgress {
  layers: number;
  hasData: boolean;
  /** Runs with a saved model (Evaluate and Export need one). */
  trainedRuns: number;
  saved: boolean;
}

const EMPTY_DESIGN: NextStep = {
  title: "The design is empty",
  text: "Build a network in the Design tab, or start from a template: each comes with its data and settings that train it.",
  actions: ["templates", "design"],
};

export function trainNextStep(p: ProjectProgress): NextStep | null {
  if (p.layers === 0) return { ...EMPTY_DESIGN, title: "Nothing to train yet" };
  if (!p.hasData) {
    return {
      title: "No data to train on",
      text: "Bind a dataset in the Data tab (a CSV table, an image folder, IDX or NumPy files); it is checked against the Input block.",
      actions: ["data"],
    };
  }
  return null;
}

export function evaluateNextStep(p: ProjectProgress): NextStep | null {
  if (p.trainedRuns > 0) return null;
  if (p.layers === 0) return { ...EMPTY_DESIGN, title: "Nothing to evaluate yet" };
  return {
    title: "Nothing to evaluate yet",
    text: "Train a run first: its metrics, confusion matrix, curves and worst mistakes appear here.",
    actions: ["train"],
  };
}

export function exportNextStep(p: ProjectProgress): NextStep | null {
  if (p.trainedRuns > 0) return null;
  if (p.layers === 0) return { ...EMPTY_DESIGN, title: "Nothing to export yet" };
  if (!p.saved) {
    return {
      title: "Save, then train",
      text: "Exports are made from a run's saved model, which lives beside the project file: save the project, then train it.",
      actions: ["save", "train"],
    };
  }
  return {
    title: "No trained run yet",
    text: "Train a run in the Train tab; its best weights are exported and checked against the trained model.",
    actions: ["train"],
  };
}
