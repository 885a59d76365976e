import { setIn } from "../common/schema-model";

type Settings = Record<string, unknown>;

/** The settings that follow the model and the data where the project leaves them out. */
export const FOLLOWING = ["loss", "metrics", "optimizer", "learningRate", "epochs"] as const;

const typeOf = (v: unknown) => (v && typeof v === "object" ? (v as { type?: unknown }).type : undefined);

/**
 * The project's own settings after the form changed `path` to `value`. The form shows the
 * effective settings (the project's over the model's defaults), so a field inside a defaulted group
 * starts from what is shown, and tuning the shown optimizer keeps the rate shown with it (an
 * optimizer the project names otherwise gets that optimizer's own default rate).
 */
export function editSetting(own: Settings, shown: Settings, path: readonly string[], value: unknown): Settings {
  const key = path[0];
  const base: Settings = { ...own };
  if (!(key in own) && key in shown) base[key] = shown[key];
  const sameOptimizer = key === "optimizer" && typeOf(value) === typeOf(shown.optimizer);
  if (sameOptimizer && !("optimizer" in own) && !("learningRate" in own) && "learningRate" in shown) {
    base.learningRate = shown.learningRate;
  }
  return setIn(base, path, value);
}

/** The project's settings without those that follow the model ("Use the model's defaults"). */
export function withoutFollowing(own: Settings): Settings {
  return Object.fromEntries(Object.entries(own).filter(([k]) => !(FOLLOWING as readonly string[]).includes(k)));
}
