/**
 * `netforge <command> --help`: the usage line, what the command does, each option, and for `data`
 * the dataset spec's format (generated from its schema, loaded only when asked for).
 */
const CHECKPOINT =
  "--checkpoint best|last  which saved model: best (default; the last one when the run kept no best) or last";
/** A stable token across restarts (main/web/token-file.ts); NETFORGE_TOKEN_FILE is the setting. */
const TOKEN_FILE = "--token-file F          keep the access token in F (created 0600), so bookmarked URLs keep working";

const BACKEND =
  "--backend name          auto (default), tensorflow-gpu, tensorflow, wasm or cpu (also NETFORGE_BACKEND)";
const JSON_OUT = "--json                  machine-readable output";

export const OPTIONS: Record<string, string[]> = {
  layers: ["--json                  every field of every layer kind, docs included"],
  check: [
    "Checks the graph (shapes, parameters, connections), and in a project file also the training",
    "settings, the data spec and whether one training step fits in this machine's memory.",
    "--json                  the report as JSON (see the README for its fields)",
  ],
  data: [
    "probe <path>            a CSV/TSV table, an image folder (one subfolder per class), IDX files,",
    "                        .npy/.npz, or a dataset spec .json (format below)",
    "--labels file           the labels file of IDX images, when it is not found beside them",
    JSON_OUT,
  ],
  train: [
    "<project.json|template> a project file, or a template name (see `netforge templates`)",
    "--data path             data instead of the project's own: a file, a folder or a dataset spec .json",
    "                        (`netforge data --help` describes the spec)",
    "--epochs N              whole number in [1, 100000]; default: the project's (20)",
    "--batch-size N          whole number in [1, 65536]; default: the project's (32)",
    "--lr X                  learning rate, in (0, 10]; default: the project's, else the optimizer's",
    "--seed N                whole number >= 0: same seed, same backend, same curve",
    BACKEND,
    "--out runDir            the run folder; default <project>.runs/<runId> (netforge-runs/<template>/... for a template)",
    "--json                  one JSON object per epoch and a final `done` line",
  ],
  step: [
    "One forward and backward pass of the model as it starts training (hand-set weights, or the",
    "project's seed), on one training sample, with the project's loss, optimizer and learning rate.",
    "<project.json|template> a project file, or a template name (see `netforge templates`)",
    "--sample N              which training sample, from 0; default 0",
    "--x JSON --y JSON       a sample typed in instead: its input and target, e.g. --x [1,0] --y [0,1]",
    "--data path             data instead of the project's own (as for train)",
    BACKEND,
    "--json                  every value as JSON (values listed up to 500 weights, else summaries)",
  ],
  predict: [
    "Runs the saved model on raw data through the run's own preprocessing (the Evaluate tab's Try it):",
    "--input file|folder     what the run trained on: a table run reads a .csv with its columns by name",
    "                        (any order; extra columns ignored); a series run a .csv of steps (the",
    "                        forecast follows its last window, in the target's units); an image run",
    "                        an image, a folder of images (subfolders walked) or a .npy of uint8",
    "                        pixels; a text run a .txt (one text per line) or a .csv with its text",
    "                        column; any run a .json array of samples (numbers, row objects, texts);",
    "                        a run on numbers a .npy or a headerless CSV of numbers (one sample a line)",
    CHECKPOINT,
    BACKEND,
    "--json                  the PredictionResult (shared/evaluation/report.ts) and the samples' names",
  ],
  inspect: [
    "Reads <runDir>/telemetry.jsonl, recorded when the run's training.telemetry.enabled is true:",
    "per layer the last weights, activations and gradients (mean ± sd in [min, max]), the gradient",
    "norm at the first and last record, the dead ReLU fraction, then vanishing, exploding and dead-unit",
    "warnings with the epochs they were seen at.",
    "--json                  the summary: every histogram's 30 counts and the whole gradient norm history",
  ],
  evaluate: [
    "--split part            validation (default), test or train part of the run's own split",
    "--data path             other data, evaluated whole (excludes --split)",
    CHECKPOINT,
    BACKEND,
    "--json                  the full report (shared/evaluation/report.ts)",
  ],
  export: [
    "--format onnx|tfjs      default onnx (opset 17)",
    "--out path              default <runDir>/exports/model.onnx (or tfjs/)",
    "--no-verify             skip running the file in onnxruntime against the trained model",
    "--keep-on-failure       keep a file that failed verification",
    "--discriminator         a GAN's discriminator instead of its generator",
    "--bare                  ONNX: the network alone; it expects preprocessed inputs (default: raw data in)",
    "--table-inputs how      ONNX tables: columns (one input per column, default) or matrix (all-numeric)",
    CHECKPOINT,
    "--samples N             verification samples, whole number in [1, 4096]",
    BACKEND,
    JSON_OUT,
  ],
  templates: ["--json                  id, name, category, description and data kind of each template"],
  serve: [
    "--port N                0-65535, default 5317 (0: any free port)",
    "--host H --allow-remote listen beyond 127.0.0.1 (anyone who can reach it and has the token gets in)",
    "--allowed-host name     a Host header to accept besides the listening address (repeatable)",
    "--root DIR              a folder the UI may browse (repeatable; default: the working folder)",
    BACKEND,
    TOKEN_FILE,
    "--no-build              do not build the app first",
  ],
  start: [
    "--port N                browser mode's port, default 5317",
    TOKEN_FILE,
    "--no-electron           browser mode even when Electron is installed",
    "--no-build              do not build the app first",
  ],
};

export async function commandHelp(name: string, usage: string, help: string): Promise<string> {
  const lines = [`Usage: ${usage}`, "", help, "", ...(OPTIONS[name] ?? []).map((l) => `  ${l}`)];
  if (name === "data") lines.push("", (await import("./data-format")).dataSpecFormat());
  return `${lines.join("\n")}\n`;
}
