import type { ActiveTab } from "../../state/ui-store";

/**
 * The getting-started walk: build (open) XOR, see its data, train it, evaluate it, export it.
 * Each step points at a real control (a CSS selector, which may depend on where the user is) and
 * most finish by themselves when the user has done what they say; the others have Next.
 */
export interface WalkState {
  tab: ActiveTab;
  layers: number;
  hasData: boolean;
  /** Runs with a saved model that are not training now. */
  trainedRuns: number;
  training: boolean;
  saved: boolean;
}

export interface WalkStep {
  id: string;
  title: string;
  text(s: WalkState): string;
  /** The element to point at, as a selector. */
  target(s: WalkState): string;
  /** Whether the user has done the step (it then moves on by itself); Next only when absent. */
  done?(s: WalkState): boolean;
  /** A button that does the step for the user. */
  action?: { label: string; command: string; args?: unknown };
}

const tabButton = (tab: ActiveTab) => `#tab-button-${tab}`;
/** The tab's own control when the user is on the tab, else the tab's button. */
const onTab = (tab: ActiveTab, inside: string) => (s: WalkState) => (s.tab === tab ? inside : tabButton(tab));

export const WALK_STEPS: readonly WalkStep[] = [
  {
    id: "open",
    title: "Open the XOR example",
    text: () =>
      "XOR is the smallest problem a single layer cannot learn. Its template holds the network and its four rows of data: open it from Templates, or let the button do it.",
    target: () => '[aria-label="Templates"]',
    done: (s) => s.layers > 0 && s.hasData,
    action: { label: "Open XOR", command: "open-template", args: { id: "xor" } },
  },
  {
    id: "network",
    title: "Read the network",
    text: () =>
      "Input (2 numbers) → Dense with a hidden layer → Dense with one sigmoid output. Each wire shows the tensor shape; click a block to see its parameters and documentation in the inspector. Right-click a block for its commands.",
    target: onTab("design", 'section[aria-label="Canvas"]'),
  },
  {
    id: "data",
    title: "See the data",
    text: () =>
      "The Data tab shows what the model learns from and whether it fits the model. XOR's rows come with the template; for your own data you would choose a CSV file or an image folder there.",
    target: () => tabButton("data"),
    done: (s) => s.tab === "data",
  },
  {
    id: "train",
    title: "Train it",
    text: (s) =>
      s.tab !== "train"
        ? "Open the Train tab: loss, optimizer and schedule are set for XOR already."
        : s.training
          ? "Training: the loss curve falls as the network learns. This step ends when the run completes."
          : "Press Start training. 300 epochs on four rows take a few seconds.",
    target: onTab("train", "#tab-train .tab-frame-actions"),
    done: (s) => s.trainedRuns > 0 && !s.training,
  },
  {
    id: "evaluate",
    title: "Evaluate it",
    text: (s) =>
      s.tab !== "evaluate"
        ? "Open the Evaluate tab to see how the trained run does."
        : "Press Evaluate: accuracy, the confusion matrix and the worst mistakes of the run appear below. Then Next.",
    target: onTab("evaluate", "#tab-evaluate .tab-frame-actions"),
  },
  {
    id: "export",
    title: "Export it",
    text: (s) =>
      !s.saved
        ? "Exports are made from a run saved beside the project: save the project (File › Save as), then export ONNX in the Export tab; each export is checked against the trained model."
        : "Export writes the run as ONNX (or TensorFlow.js) and checks it against the trained model.",
    target: onTab("export", '#tab-export [aria-label="Export settings"]'),
  },
];

/** The step to show: `from`, or the first after it the user has not done yet (done ones are passed). */
export function stepToShow(from: number, s: WalkState, steps: readonly WalkStep[] = WALK_STEPS): number {
  let i = Math.max(0, Math.min(Number.isInteger(from) ? from : 0, steps.length - 1));
  while (i < steps.length - 1 && steps[i].done?.(s)) i++;
  return i;
}
