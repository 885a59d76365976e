import { fork } from "node:child_process";
import { EventEmitter } from "node:events";
import { join } from "node:path";
import type { z } from "zod";
import {
  describeIssues,
  type TrainerMessage,
  TrainerMessageSchema,
  type TrainerRequest,
} from "../../shared/trainer/protocol";

const ENTRY = join(import.meta.dirname, "../trainer/index.ts");

export interface TrainerClientOptions {
  /** Forces a backend (NETFORGE_BACKEND): tensorflow-gpu, tensorflow, wasm or cpu. */
  backend?: string;
  /** How long to wait for the trainer's `ready` (backend initialisation). */
  readyTimeoutMs?: number;
  /** Starts the process (default: child_process.fork with tsx; the Electron app passes utilityProcess.fork). */
  launch?: LaunchTrainer;
}

/**
 * A started trainer process, whichever API launched it. Node's ChildProcess and Electron's
 * UtilityProcess differ in names (send / postMessage, exit code and signal / exit code), so the
 * client talks to this port and each launcher adapts its own process to it.
 */
export interface TrainerProcess {
  readonly pid: number | undefined;
  send(message: TrainerRequest): void;
  /** Returns the function that removes the listener. */
  onMessage(listener: (raw: unknown) => void): () => void;
  /** Called once, with "code N" or "signal S". */
  onExit(listener: (description: string) => void): () => void;
  kill(signal?: NodeJS.Signals): void;
}

export type LaunchTrainer = (env: NodeJS.ProcessEnv) => TrainerProcess;

/** Defined by main/cli/build.mjs in the built CLI: the built trainer's file name, beside the bundle. */
declare const NETFORGE_BUILT_TRAINER: string | undefined;

/**
 * Browser mode and the CLI: child_process.fork of the built trainer when this code runs from the
 * CLI's build (out/cli/), else of the trainer's TypeScript with tsx (tests, a source checkout).
 */
export const forkTrainer: LaunchTrainer = (env) => {
  const built = typeof NETFORGE_BUILT_TRAINER === "string";
  const child = fork(built ? new URL(NETFORGE_BUILT_TRAINER, import.meta.url) : ENTRY, [], {
    // tsx is resolved here, not from the user's working directory, and only when forking the
    // sources, so the Electron app (which bundles the trainer) and the built CLI do not need it.
    execArgv: built ? [] : ["--import", import.meta.resolve("tsx")],
    env,
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => void child.send(message),
    onMessage(listener) {
      child.on("message", listener);
      return () => child.off("message", listener);
    },
    onExit(listener) {
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        listener(signal ? `signal ${signal}` : `code ${code}`);
      child.once("exit", onExit);
      return () => child.off("exit", onExit);
    },
    kill: (signal) => void child.kill(signal),
  };
};

/**
 * The host's handle on one trainer process (child_process.fork in browser mode and the CLI,
 * Electron's utilityProcess in the app; see TrainerProcess).
 * Messages are validated on arrival; if the process dies, every run it had is reported as an
 * `error` message, so a caller waiting for `done` never hangs.
 */
export class TrainerClient extends EventEmitter<{ message: [TrainerMessage]; exit: [description: string] }> {
  readonly ready: Extract<TrainerMessage, { type: "ready" }>;
  private readonly child: TrainerProcess;
  private readonly activeRuns = new Set<string>();
  private exited = false;

  private constructor(child: TrainerProcess, ready: Extract<TrainerMessage, { type: "ready" }>) {
    super();
    this.child = child;
    this.ready = ready;
    child.onMessage((raw) => this.receive(raw));
    child.onExit((how) => {
      this.exited = true;
      for (const runId of this.activeRuns) {
        this.emit("message", {
          type: "error",
          runId,
          code: "E_TRAINER_EXITED",
          message: `the trainer process exited (${how}) during the run`,
        });
      }
      this.activeRuns.clear();
      // After the runs' errors, so a listener restarting the trainer sees them settled first.
      this.emit("exit", how);
    });
  }

  static start(options: TrainerClientOptions = {}): Promise<TrainerClient> {
    const env = { ...process.env, ...(options.backend ? { NETFORGE_BACKEND: options.backend } : {}) };
    const child = (options.launch ?? forkTrainer)(env);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`the trainer did not report ready within ${options.readyTimeoutMs ?? 60_000} ms`));
      }, options.readyTimeoutMs ?? 60_000);
      const settle = () => {
        clearTimeout(timer);
        offMessage();
        offExit();
      };
      const offMessage = child.onMessage((raw: unknown) => {
        const m = TrainerMessageSchema.safeParse(raw);
        if (!m.success) return;
        if (m.data.type === "ready") {
          settle();
          resolve(new TrainerClient(child, m.data));
        } else if (m.data.type === "error" && m.data.runId === null) {
          settle();
          reject(new Error(`${m.data.code}: ${m.data.message}`));
        }
      });
      const offExit = child.onExit((how) => {
        settle();
        reject(new Error(`the trainer process exited (${how}) before it was ready`));
      });
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

  /** False once the process has exited (crashed, killed or shut down). */
  get alive(): boolean {
    return !this.exited;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  kill(signal: NodeJS.Signals = "SIGKILL"): void {
    this.child.kill(signal);
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.onExit(() => resolve()));
    this.child.send({ type: "shutdown", runId: null });
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5_000))]);
    if (!this.exited) this.child.kill("SIGKILL");
  }

  private receive(raw: unknown): void {
    const m = TrainerMessageSchema.safeParse(raw);
    if (!m.success) {
      this.malformed(raw, m.error);
      return;
    }
    const ended = m.data.type === "done" || (m.data.type === "error" && m.data.requestId === undefined);
    if (ended && m.data.runId !== null) this.activeRuns.delete(m.data.runId);
    this.emit("message", m.data);
  }

  /**
   * A malformed message from our own trainer is a bug; it never crashes the host. But a dropped
   * `done` or run `error` would leave callers waiting forever (a NaN metric once did exactly that),
   * so those end their run with an E_TRAINER error that names the schema problem.
   */
  private malformed(raw: unknown, error: z.ZodError): void {
    const r = raw as { type?: unknown; runId?: unknown; requestId?: unknown } | null;
    const runId = typeof r?.runId === "string" ? r.runId : null;
    const ends = r?.type === "done" || (r?.type === "error" && r.requestId === undefined);
    if (!ends || runId === null || !this.activeRuns.has(runId)) return;
    this.activeRuns.delete(runId);
    this.emit("message", {
      type: "error",
      runId,
      code: "E_TRAINER",
      message: `the trainer sent a malformed ${String(r?.type)} message: ${describeIssues(error)}`,
    });
  }
}
