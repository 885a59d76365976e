import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BridgeReply } from "../../shared/api/bridge";
import { contract, type MethodName, type RequestOf, type ResponseOf } from "../../shared/api/contract";
import { ApiError, describeZodIssues } from "../../shared/api/errors";
import { ioFailure } from "../../shared/api/io-errors";
import { MAX_NESTING, nestingMessage, valueDepth } from "../../shared/api/limits";
import { FolderAccess } from "./access";
import { ChecksService } from "./checks";
import { defaultConfigDir } from "./config-dir";
import { DataService } from "./data";
import { DraftRuns } from "./draft-runs";
import { HostEvents } from "./events";
import { ExportsService } from "./exports";
import { FilesService } from "./files";
import { type CallContext, createHandlers, type HandlerTable, type Services, type ShellHooks } from "./handlers";
import { InferenceService } from "./inference";
import { ProjectsService } from "./projects";
import { RecentFiles } from "./recent";
import { RecoveryStore } from "./recovery";
import { RunsService } from "./runs";
import { StepThroughService } from "./step-through";
import { sweepStaleTemps } from "./temp-sweep";
import { Templates } from "./templates";
import { defaultStartTrainer, type StartTrainer, TrainerPool } from "./trainer-pool";
import { TrainingService } from "./training";

const REPO = join(import.meta.dirname, "../..");

export interface HostOptions {
  mode: "electron" | "browser";
  /** Folders the folder browser may list and open (browser mode: --root, default the working folder). */
  browseRoots?: string[];
  /** Recent files and recovery files live here (default: per-user config dir, NETFORGE_CONFIG_DIR). */
  configDir?: string;
  /** The bundled resources (templates, sample datasets); readable, never writable. */
  resourcesDir?: string;
  /** How the trainer process starts (Electron passes a utilityProcess-based factory). */
  startTrainer?: StartTrainer;
  /** Forces the trainer's backend (NETFORGE_BACKEND). */
  backend?: string;
  shell?: ShellHooks;
  version?: string;
  /** Where unexpected errors are reported (they reach the UI as E_INTERNAL without a stack). */
  logError?: (error: unknown, method: string) => void;
}

export interface Host {
  /** Validates the request against the contract, runs the handler; rejects with an ApiError. */
  handle(method: string, request: unknown, ctx: CallContext): Promise<unknown>;
  /** The same, typed, for tests and in-process callers. */
  call<M extends MethodName>(method: M, request: RequestOf<M>, ctx?: CallContext): Promise<ResponseOf<M>>;
  /** handle() as an envelope, for transports that carry values rather than exceptions. */
  reply(method: string, request: unknown, ctx: CallContext): Promise<BridgeReply>;
  readonly events: HostEvents;
  readonly folders: FolderAccess;
  readonly trainer: TrainerPool;
  /** A connection went away: its sessions' recovery files may now be offered to others. */
  disconnect(clientId: string): void;
  /** Starts the trainer in the background, so the UI can show the backend early. */
  warmUp(): void;
  close(): Promise<void>;
}

/**
 * The transport-agnostic host: every service behind one `handle(method, request, ctx)`. Browser
 * mode's WebSocket server and Electron's IPC are thin adapters over it.
 */
export function createHost(options: HostOptions): Host {
  const configDir = options.configDir ?? defaultConfigDir();
  const resourcesDir = options.resourcesDir ?? join(REPO, "resources");
  const browseRoots = options.browseRoots ?? [process.cwd()];
  const version = options.version ?? packageVersion();
  const logError = options.logError ?? ((error, method) => console.error(`netforge host: ${method}:`, error));
  const events = new HostEvents();
  const folders = new FolderAccess(browseRoots, [resourcesDir]);
  const recent = new RecentFiles(configDir);
  const recovery = new RecoveryStore(configDir);
  // Left by a host killed mid-write (recent.json, recovery files); never a reason not to start.
  void Promise.all([sweepStaleTemps(configDir), sweepStaleTemps(join(configDir, "recovery"))]).catch(() => {});
  const templates = new Templates(join(resourcesDir, "templates"));
  let pool: TrainerPool;
  const drafts = new DraftRuns(configDir);
  const training = new TrainingService(folders, events, () => pool, drafts);
  pool = new TrainerPool(options.startTrainer ?? defaultStartTrainer(options.backend), events, (m) =>
    training.onTrainerMessage(m),
  );
  const runs = new RunsService(folders, training, drafts);
  training.onEnded = (run) => runs.followSave(run);
  const liveSessions = new Map<string, string>();
  const services: Services = {
    info: () => ({
      version,
      mode: options.mode,
      platform: process.platform,
      backend: pool.backend,
      capabilities: { nativeDialogs: Boolean(options.shell?.openDialog), reveal: Boolean(options.shell?.reveal) },
      browseRoots: [...browseRoots],
      openedFolders: folders.openedFolders,
    }),
    folders,
    projects: new ProjectsService(folders, recent, recovery, templates),
    recent,
    recovery,
    liveSessions,
    templates,
    files: new FilesService(folders),
    data: new DataService(folders),
    training,
    runs,
    inference: new InferenceService(folders, runs, () => pool),
    checks: new ChecksService(training, runs, () => pool),
    exports: new ExportsService(folders, runs, () => pool),
    stepThrough: new StepThroughService(training, () => pool),
    shell: options.shell ?? {},
  };
  const handlers: HandlerTable = createHandlers(services);

  const handle = async (method: string, request: unknown, ctx: CallContext): Promise<unknown> => {
    if (!contract.isMethod(method)) {
      throw new ApiError(
        "E_UNKNOWN_METHOD",
        `unknown method ${JSON.stringify(method).slice(0, 80)}; expected one of ${contract.methodNames.join(", ")}`,
      );
    }
    const spec = contract.methods[method];
    // Before validation: the schemas recurse, so a request nested 10,000 levels deep would overflow the stack.
    const depth = valueDepth(request);
    if (depth > MAX_NESTING) throw new ApiError("E_TOO_LARGE", nestingMessage(`${method}: the request`, depth));
    const parsed = spec.request.safeParse(request, { reportInput: true });
    if (!parsed.success) {
      throw new ApiError("E_BAD_REQUEST", `${method}: ${describeZodIssues(parsed.error)}`);
    }
    let response: unknown;
    try {
      response = await (handlers[method] as (req: unknown, ctx: CallContext) => Promise<unknown>)(parsed.data, ctx);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const io = ioFailure(error, `${method} failed`);
      if (io) throw new ApiError(io.code, io.message);
      logError(error, method);
      throw new ApiError("E_INTERNAL", `${method} failed: ${(error as Error)?.message ?? String(error)}`);
    }
    // The host keeps its side of the contract too: a malformed response is a bug, reported as one.
    const checked = spec.response.safeParse(response);
    if (!checked.success) {
      logError(checked.error, method);
      throw new ApiError("E_INTERNAL", `${method} produced a malformed response: ${describeZodIssues(checked.error)}`);
    }
    return response;
  };

  return {
    handle,
    call: (method, request, ctx = { clientId: "local" }) => handle(method, request, ctx) as never,
    async reply(method, request, ctx) {
      try {
        return { ok: true, response: await handle(method, request, ctx) };
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError("E_INTERNAL", String(error));
        return { ok: false, error: e.toJSON() };
      }
    },
    events,
    folders,
    get trainer() {
      return pool;
    },
    disconnect(clientId) {
      for (const [session, owner] of liveSessions) if (owner === clientId) liveSessions.delete(session);
    },
    warmUp() {
      pool.get().catch(() => {
        // trainer.exited / the next train.start reports the failure; warming up is best effort.
      });
    },
    close: () => pool.shutdown(),
  };
}

/** A new connection's id (transports call this once per socket or window). */
export function newClientId(): string {
  return randomBytes(8).toString("hex");
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}
