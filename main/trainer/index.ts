import { selectBackend } from "./backend";
import { connectPort } from "./port";
import { TrainerSession } from "./session";

/**
 * Trainer process entry (utilityProcess in the app, child_process.fork in browser mode and the
 * CLI). TensorFlow.js loads here and only here, never in the host's event loop.
 */
const port = connectPort();
// Ctrl-C in a terminal signals the whole process group: the host turns it into a clean `stop`, so
// the trainer itself ignores it. If the host goes away, so does the trainer.
process.on("SIGINT", () => {});
process.on("disconnect", () => process.exit(0));
try {
  const choice = await selectBackend();
  const session = new TrainerSession(port);
  port.onRequest((raw) => void session.handle(raw));
  port.post({
    type: "ready",
    runId: null,
    backend: choice.backend,
    version: choice.tfjsVersion,
    skipped: choice.skipped,
  });
} catch (error) {
  port.post({
    type: "error",
    runId: null,
    code: "E_BACKEND",
    message: error instanceof Error ? error.message : String(error),
  });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 100);
}
