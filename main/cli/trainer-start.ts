import type { TrainerMessage, TrainerRequest } from "../../shared/trainer/protocol";
import { BACKEND_PREFERENCES } from "../../shared/training/config";
import { TrainerClient } from "../services/trainer-client";
import { UserError } from "./io";

/** Where a backend choice came from, for the message that names it. */
export interface BackendChoice {
  backend: string | undefined;
  where: string;
}

/**
 * The backend a command forces: --backend, else the project's training.backend, else
 * NETFORGE_BACKEND. It is checked before a trainer starts: a typo is the user's mistake (exit 1,
 * naming where it came from and the backends there are), not a trainer crash. "auto" and nothing
 * both mean the best backend that loads.
 */
export function forcedBackend(flag: string | undefined, project?: unknown): BackendChoice {
  const sources: [unknown, string][] = [
    [flag, "--backend"],
    [project, "training.backend"],
    [process.env.NETFORGE_BACKEND, "NETFORGE_BACKEND"],
  ];
  const [value, where] = sources.find(([v]) => v !== undefined && v !== "") ?? [undefined, "--backend"];
  if (value === undefined || value === "auto") return { backend: undefined, where };
  if (typeof value !== "string" || !(BACKEND_PREFERENCES as readonly string[]).includes(value))
    throw new UserError(`${where} must be one of ${BACKEND_PREFERENCES.join(", ")}; received ${JSON.stringify(value)}`);
  return { backend: value, where };
}

/** Starts a trainer on the forced backend (or the best one); a forced one that cannot load is a user error. */
export async function startTrainer(choice: BackendChoice): Promise<TrainerClient> {
  try {
    return await TrainerClient.start({ backend: choice.backend });
  } catch (error) {
    if (choice.backend === undefined) throw error;
    const why = (error as Error).message.replace(/^E_[A-Z_]+: /, "");
    throw new UserError(
      `${choice.where} ${choice.backend}: that backend cannot be loaded here (${why}); leave it out (or use auto) for the best backend that loads`,
    );
  }
}

/**
 * Sends one request and waits for its result. The trainer's refusals (bad input, no checkpoint)
 * are the user's errors; a trainer crash or internal failure is not.
 */
export function askTrainer(client: TrainerClient, request: TrainerRequest & { requestId: string }): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    const listen = (m: TrainerMessage) => {
      const mine = m.type === "result" || m.type === "error" ? m.requestId === request.requestId : false;
      if (m.type === "result" && mine) resolve(m.value);
      if (m.type === "error" && (mine || m.code === "E_TRAINER_EXITED")) {
        const message = `${m.code}: ${m.message}`;
        reject(m.code === "E_TRAINER" || m.code === "E_TRAINER_EXITED" ? new Error(message) : new UserError(message));
      }
      if (mine || (m.type === "error" && m.code === "E_TRAINER_EXITED")) client.off("message", listen);
    };
    client.on("message", listen);
    client.send(request);
  });
}
