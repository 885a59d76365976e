import { type ChildProcess, fork } from "node:child_process";
import { EventEmitter } from "node:events";
import { join } from "node:path";
import { type TrainerMessage, TrainerMessageSchema, type TrainerRequest } from "../../shared/trainer/protocol";

const ENTRY = join(import.meta.dirname, "../trainer/index.ts");
// tsx runs the trainer's TypeScript; resolved here, not from the user's working directory.
const TSX = import.meta.resolve("tsx");

export interface TrainerClientOptions {
  /** Forces a backend (NETFORGE_BACKEND): tensorflow-gpu, tensorflow, wasm or cpu. */
  backend?: string;
  /** How long to wait for the trainer's `ready` (backend initialisation). */
  readyTimeoutMs?: number;
}

/**
 * The host's handle on one trainer process (child_process.fork in browser mode and the CLI).
 * Messages are validated on arrival; if the process dies, every run it had is reported as an
 * `error` message, so a caller waiting for `done` never hangs.
 */
export class TrainerClient extends EventEmitter<{ message: [TrainerMessage] }> {
  readonly ready: Extract<TrainerMessage, { type: "ready" }>;
  private readonly child: ChildProcess;
  private readonly activeRuns = new Set<string>();
  private exited = false;

  private constructor(child: ChildProcess, ready: Extract<TrainerMessage, { type: "ready" }>) {
    super();
    this.child = child;
    this.ready = ready;
    child.on("message", (raw) => this.receive(raw));
    child.on("exit", (code, signal) => {
      this.exited = true;
      for (const runId of this.activeRuns) {
        this.emit("message", {
          type: "error",
          runId,
          code: "E_TRAINER_EXITED",
          message: `the trainer process exited (${signal ? `signal ${signal}` : `code ${code}`}) during the run`,
        });
      }
      this.activeRuns.clear();
    });
  }

  static start(options: TrainerClientOptions = {}): Promise<TrainerClient> {
    const env = { ...process.env, ...(options.backend ? { NETFORGE_BACKEND: options.backend } : {}) };
    const child = fork(ENTRY, [], {
      execArgv: ["--import", TSX],
      env,
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`the trainer did not report ready within ${options.readyTimeoutMs ?? 60_000} ms`));
      }, options.readyTimeoutMs ?? 60_000);
      const onMessage = (raw: unknown) => {
        const m = TrainerMessageSchema.safeParse(raw);
        if (!m.success) return;
        if (m.data.type === "ready") {
          clearTimeout(timer);
          child.off("message", onMessage);
          child.off("exit", onExit);
          resolve(new TrainerClient(child, m.data));
        } else if (m.data.type === "error" && m.data.runId === null) {
          clearTimeout(timer);
          reject(new Error(`${m.data.code}: ${m.data.message}`));
        }
      };
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`the trainer process exited with code ${code} before it was ready`));
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  }

  send(request: TrainerRequest): void {
    if (this.exited) throw new Error("the trainer process is not running");
    if (request.type === "start") this.activeRuns.add(request.runId);
    this.child.send(request);
  }

  /** Resolves with the run's final message: `done`, or the `error` that ended it. */
  waitForEnd(runId: string): Promise<Extract<TrainerMessage, { type: "done" | "error" }>> {
    return new Promise((resolve) => {
      const listener = (m: TrainerMessage) => {
        if (m.runId === runId && (m.type === "done" || (m.type === "error" && m.requestId === undefined))) {
          this.off("message", listener);
          resolve(m);
        }
      };
      this.on("message", listener);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  kill(signal: NodeJS.Signals = "SIGKILL"): void {
    this.child.kill(signal);
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.send({ type: "shutdown", runId: null });
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5_000))]);
    if (!this.exited) this.child.kill("SIGKILL");
  }

  private receive(raw: unknown): void {
    const m = TrainerMessageSchema.safeParse(raw);
    if (!m.success) return; // a malformed message from our own trainer is a bug; never crash the host on it
    const ended = m.data.type === "done" || (m.data.type === "error" && m.data.requestId === undefined);
    if (ended && m.data.runId !== null) this.activeRuns.delete(m.data.runId);
    this.emit("message", m.data);
  }
}
