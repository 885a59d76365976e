import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { InlineDataset } from "../../shared/datasets/inline";
import { type DatasetSpec, DatasetSpecSchema } from "../../shared/datasets/spec";
import { IMAGE_EXTENSIONS } from "../data/image-folder/scan";
import { UserError } from "./io";
import { readRunJson, runInlineData } from "./run-folder";

/** What `netforge predict` needs to know about a run to read its input: the kind of data it trained on. */
export interface PredictRun {
  /** The saved preprocessing's kind (table, timeSeries, text, imageFolder, ...), else the data source's (idx, npy, inline). */
  kind: string;
  /** Table: the feature columns; series: the feature columns, then the target when it is not one. */
  columns: string[];
  /** Table: the label column; series: the target column. */
  label: string | null;
  /** Series: steps the model reads (lookback, one more with differencing). */
  steps: number;
  /** Text from a table: the column holding the text. */
  textColumn: string;
  /** Inline data, read again from where the run took it (run.json records it by count only). */
  runData: InlineDataset | DatasetSpec | undefined;
  /** What this run accepts as --input, for messages. */
  accepts: string;
}

export const IMAGE_KINDS = new Set(["imageFolder", "idx"]);
const SAVES_PREPROCESSING = new Set(["table", "timeSeries", "text", "imageFolder", "sentencePairs"]);

/** A run folder's data kind and columns, from preprocessing.json and run.json. */
export async function readPredictRun(runDir: string): Promise<PredictRun> {
  const record = await readRunJson(runDir);
  const text = await readFile(join(runDir, "preprocessing.json"), "utf8").catch(() => null);
  const pre = text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  const spec = DatasetSpecSchema.safeParse(record.data?.spec);
  const source = spec.success ? spec.data.source : null;
  const kind = typeof pre?.kind === "string" ? pre.kind : (source?.kind ?? "inline");
  // Tables, series and text are read through what training fitted; without it nothing can be encoded.
  if (!pre && SAVES_PREPROCESSING.has(kind))
    throw new UserError(
      `${runDir}: expected ${join(runDir, "preprocessing.json")} (what training fitted on the ${kind} data); the run has none: train it again with this version`,
    );
  const run: Omit<PredictRun, "accepts"> = {
    kind,
    columns: [],
    label: null,
    steps: 0,
    textColumn: source?.kind === "text" ? (source.textColumn ?? "text") : "text",
    runData: kind === "inline" ? await runInlineData(runDir) : undefined,
  };
  if (kind === "table") {
    const stats = pre?.stats as { features: { name: string }[]; label: { name: string } };
    run.columns = stats.features.map((f) => f.name);
    run.label = stats.label.name;
  }
  if (kind === "timeSeries") {
    const s = pre as {
      features: { name: string }[];
      target: { name: string };
      lookback: number;
      differencing: boolean;
    };
    const names = s.features.map((f) => f.name);
    run.columns = names.includes(s.target.name) || !s.differencing ? names : [...names, s.target.name];
    run.label = s.target.name;
    run.steps = s.lookback + (s.differencing ? 1 : 0);
  }
  return { ...run, accepts: accepts(run) };
}

const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");

function accepts(run: Omit<PredictRun, "accepts">): string {
  switch (run.kind) {
    case "table":
      return `a .csv with the columns ${quoted(run.columns)} by name (any order), or a .json array of rows`;
    case "timeSeries":
      return `a .csv of at least ${run.steps} steps with the column(s) ${quoted(run.columns)}, a .json array of steps, or a .npy [steps, ${run.columns.length}]`;
    case "text":
      return `a .txt with one text per line, a .csv with a "${run.textColumn}" column, or a .json array of texts`;
    case "sentencePairs":
      return "nothing yet: a sentence-pair model has two Inputs; try it in the Evaluate tab";
    default:
      return IMAGE_KINDS.has(run.kind)
        ? `an image (${IMAGE_EXTENSIONS.join(" ")}), a folder of images, a .npy of uint8 pixels [n, height, width(, channels)], or a .json array of samples`
        : "a .json array of samples, a .npy (first axis = samples), or a .csv of numbers (one sample per line)";
  }
}

/** The refusal of an input this run cannot read: what the run expects, what was given. */
export function wrongInput(run: PredictRun, received: string): UserError {
  const data = { table: "a table", timeSeries: "a time series", text: "text" }[run.kind] ?? `${run.kind} data`;
  return new UserError(`this run was trained on ${data}: --input expects ${run.accepts}; received ${received}`);
}
