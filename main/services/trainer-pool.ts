import { ApiError } from "../../shared/api/errors";
import type { TrainerMessage, TrainerRequest } from "../../shared/trainer/protocol";
import type { HostEvents } from "./events";
import { TrainerClient } from "./trainer-client";

export type StartTrainer = () => Promise<TrainerClient>;

type Requestable = Extract<TrainerRequest, { requestId: string }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The host's one trainer process: started on first use, restarted on the next use after it died.
 * A crash never takes the host down: runs in flight end with a train.error, pending requests are
 * rejected, trainer.exited tells the UI, and the next call starts a fresh trainer.
 */
export class TrainerPool {
  private client: TrainerClient | null = null;
  private starting: Promise<TrainerClient> | null = null;
  private nextRequest = 1;
  private closing = false;
  /** Increments with every new trainer process, so callers can tell whether it kept their run. */
  generation = 0;

  constructor(
    private readonly startTrainer: StartTrainer,
    private readonly events: HostEvents,
    private readonly onMessage: (m: TrainerMessage) => void,
  ) {}

  get backend(): string | null {
    return this.client?.alive ? this.client.ready.backend : null;
  }

  get(): Promise<TrainerClient> {
    if (this.closing) return Promise.reject(new ApiError("E_TRAINER", "the host is shutting down"));
    if (this.client?.alive) return Promise.resolve(this.client);
    this.starting ??= this.startTrainer().then(
      (client) => {
        this.starting = null;
        this.client = client;
        this.generation++;
        client.on("message", (m) => this.onMessage(m));
        client.once("exit", (how) => {
          if (this.client === client) this.client = null;
          if (!this.closing) {
            this.events.emit("trainer.exited", {
              message: `the trainer process exited (${how}); it restarts with the next run`,
            });
          }
        });
        this.events.emit("trainer.ready", {
          backend: client.ready.backend,
          version: client.ready.version,
          skipped: client.ready.skipped,
        });
        return client;
      },
      (error: unknown) => {
        this.starting = null;
        throw new ApiError("E_TRAINER", `the trainer could not start: ${(error as Error).message}`);
      },
    );
    return this.starting;
  }

  async send(request: TrainerRequest): Promise<TrainerClient> {
    const client = await this.get();
    client.send(request);
    return client;
  }

  /** Sends a request that the trainer answers with a `result` (or an `error`) carrying its id. */
  async request(body: DistributiveOmit<Requestable, "requestId">): Promise<unknown> {
    const client = await this.get();
    const requestId = `host-${this.nextRequest++}`;
    return new Promise((resolve, reject) => {
      const done = () => {
        client.off("message", onMessage);
        client.off("exit", onExit);
      };
      const onMessage = (m: TrainerMessage) => {
        if (m.type === "result" && m.requestId === requestId) {
          done();
          resolve(m.value);
        } else if (m.type === "error" && m.requestId === requestId) {
          done();
          reject(new ApiError(requestErrorCode(m.code), m.message));
        }
      };
      const onExit = (how: string) => {
        done();
        reject(new ApiError("E_TRAINER", `the trainer process exited (${how}) before it answered`));
      };
      client.on("message", onMessage);
      client.once("exit", onExit);
      client.send({ ...body, requestId } as TrainerRequest);
    });
  }

  /** Kills the trainer (tests simulate a crash with it). */
  kill(): void {
    this.client?.kill();
  }

  async shutdown(): Promise<void> {
    this.closing = true;
    const client = this.client ?? (await this.starting?.catch(() => null));
    await client?.shutdown();
  }
}

export const defaultStartTrainer =
  (backend?: string): StartTrainer =>
  () =>
    TrainerClient.start({ backend });

/** A trainer request's error code in the contract's terms (the trainer's own codes are finer). */
function requestErrorCode(code: string): "E_NO_RUN" | "E_IO" | "E_TRAINER" {
  if (code === "E_NO_RUN" || code === "E_NO_MODEL") return "E_NO_RUN";
  return code === "E_IO" ? "E_IO" : "E_TRAINER";
}
