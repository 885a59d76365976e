import { perEditor } from "../../state/per-editor";

/**
 * Whether the getting-started walk is open and at which step. The step is kept in localStorage, so
 * a walk closed half-way (or a window reloaded) resumes where it was.
 */
export interface WalkProgress {
  open: boolean;
  step: number;
}

const KEY = "netforge.walk";

function stored(): number {
  try {
    const step = Number(JSON.parse(globalThis.localStorage?.getItem(KEY) ?? "{}").step);
    return Number.isInteger(step) && step >= 0 ? step : 0;
  } catch {
    // Unreadable or foreign data: start from the first step.
    return 0;
  }
}

export const walkStore = perEditor<WalkProgress>(() => ({ open: false, step: stored() }));

export function setWalk(editor: object, next: Partial<WalkProgress>): void {
  const store = walkStore(editor);
  store.setState(next);
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ step: store.getState().step }));
  } catch {
    // Storage full or denied: the walk still works, it only cannot resume after a reload.
  }
}

/** Opens the walk where it was left; `restart` starts over. */
export function openWalk(editor: object, restart = false): void {
  setWalk(editor, restart ? { open: true, step: 0 } : { open: true });
}
