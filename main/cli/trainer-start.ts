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
