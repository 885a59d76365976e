import { commandHelp } from "./help";
import { EXIT, type Io, UserError } from "./io";

/**
 * Commands as data: name, one-line help and the function that runs it. Each command's module is
 * loaded when it runs, so `netforge layers` does not load onnxruntime, sharp or the data readers.
 */
export const COMMANDS: Record<
  string,
  {
    usage: string;
    help: string;
    run: (args: string[], io: Io) => Promise<number>;
  }
> = {
  layers: {
    usage: "netforge layers [--json]",
    help: "List the layer catalog: kinds, params with defaults and bounds, ports.",
    run: (args, io) => import("./commands/layers").then((m) => m.layersCommand(args, io)),
  },
  check: {
    usage: "netforge check <file.json> [--json]",
    help: "Check a graph or project file: per-node output shapes, parameter counts and diagnostics.",
    run: (args, io) => import("./commands/check").then((m) => m.checkCommand(args, io)),
  },
  data: {
    usage: "netforge data probe <path> [--labels file] [--json]",
    help: "Summarize a data file or folder: rows, column types and roles, classes, input shape, warnings.",
    run: (args, io) => import("./commands/data").then((m) => m.dataCommand(args, io)),
  },
  train: {
    usage:
      "netforge train <project.json | template> [--data f.json] [--epochs N] [--batch-size N] [--lr X] [--seed N] [--backend name] [--out runDir] [--json]",
    help: "Train a project (or a starter template) in a trainer process, with live progress; Ctrl-C stops cleanly.",
    run: (args, io) => import("./commands/train").then((m) => m.trainCommand(args, io)),
  },
  predict: {
    usage: "netforge predict <runDir> --input <file|folder> [--checkpoint best|last] [--json]",
    help: "Run a trained model (the run's best checkpoint, else its last) on raw data, preprocessed as in training: class names with probabilities, or values.",
    run: (args, io) => import("./commands/predict").then((m) => m.predictCommand(args, io)),
  },
  evaluate: {
    usage: "netforge evaluate <runDir> [--split validation|test|train] [--data path] [--checkpoint best|last] [--json]",
    help: "Evaluate a run's model (best checkpoint, else last) on its validation (or test, train) part or other data.",
    run: (args, io) => import("./commands/evaluate").then((m) => m.evaluateCommand(args, io)),
  },
  step: {
    usage:
      "netforge step <project.json | template> [--sample N | --x JSON --y JSON] [--data path] [--backend name] [--json]",
    help: "One forward and backward pass on one sample: every weight, activation, the loss, each gradient and the weights after one optimizer step.",
    run: (args, io) => import("./commands/step").then((m) => m.stepCommand(args, io)),
  },
  export: {
    usage:
      "netforge export <runDir | project.json> [--format onnx|tfjs] [--out path] [--no-verify] [--keep-on-failure] [--discriminator] [--bare] [--table-inputs columns|matrix] [--checkpoint best|last] [--samples N] [--json]",
    help: "Export a run's model (best checkpoint, else last; or a project's untrained one) to ONNX or tfjs, verified.",
    run: (args, io) => import("./commands/export").then((m) => m.exportCommand(args, io)),
  },
  inspect: {
    usage: "netforge inspect <runDir> [--json]",
    help: "Per-layer telemetry of a run: last histograms summarized, gradient norms, dead ReLU units, warnings.",
    run: (args, io) => import("./commands/inspect").then((m) => m.inspectCommand(args, io)),
  },
  gradcheck: {
    usage:
      "netforge gradcheck <project.json | template> [--samples N] [--run runDir [--checkpoint best|last]] [--json]",
    help: "Check the model's backprop gradients (fresh weights, or a run's) against finite differences, per weight tensor.",
    run: (args, io) => import("./commands/debug-checks").then((m) => m.gradcheckCommand(args, io)),
  },
  overfit: {
    usage: "netforge overfit <project.json | template> [--samples N] [--steps N] [--json]",
    help: "Train a fresh copy of the model on 8-32 samples until the loss is near zero, or say it could not.",
    run: (args, io) => import("./commands/debug-checks").then((m) => m.overfitCommand(args, io)),
  },
  templates: {
    usage: "netforge templates [--json]",
    help: "List the starter templates: id, name, category, description and data kind.",
    run: (args, io) => import("./commands/templates").then((m) => m.templatesCommand(args, io)),
  },
  serve: {
    usage: "netforge serve [--port N] [--host H --allow-remote] [--root DIR]... [--token-file F]",
    help: "Browser mode: serve the app and its API on 127.0.0.1 with a token URL; the UI opens folders under --root.",
    run: (args, io) => import("./commands/serve").then((m) => m.serveCommand(args, io)),
  },
  start: {
    usage: "netforge start [--port N] [--no-electron] [--token-file F]",
    help: "Open NetForge: the Electron app when its binary is installed, otherwise browser mode.",
    run: (args, io) => import("./commands/start").then((m) => m.startCommand(args, io)),
  },
};

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(44)} ${c.help}`);
  return `NetForge: design, train and export neural networks.\n\nUsage:\n${lines.join("\n")}\n\n\`netforge <command> --help\` describes a command's options.\nExit codes: 0 ok, 1 user error (bad file, bad flag, diagnostics), 2 internal error.\n`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(usage());
    return name === undefined ? EXIT.user : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(
      `netforge: unknown command "${name}"; expected one of ${Object.keys(COMMANDS).join(", ")}\n\n${usage()}`,
    );
    return EXIT.user;
  }
  // Before the command parses its flags: `netforge train --help` is a question, not a bad flag.
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(await commandHelp(name, command.usage, command.help));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UserError || isArgError(error)) {
      io.stderr.write(`netforge ${name}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
      return EXIT.user;
    }
    io.stderr.write(
      `netforge ${name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.internal;
  }
}

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed flags. */
function isArgError(error: unknown): boolean {
  return (
    typeof (error as { code?: unknown })?.code === "string" &&
    (error as { code: string }).code.startsWith("ERR_PARSE_ARGS")
  );
}
