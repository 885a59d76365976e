import type { EventOf } from "../../shared/api/contract";
import { isActive, type ProjectKey, type TrainingStore } from "./training-store";

/**
 * Runs belong to one project. The training store holds the open project's runs only: another
 * project (a new draft id) empties it, and the runs of the previous one that are still training
 * become foreign, so their events do not land in this project's list, charts or Evaluate tab. A
 * save keeps the draft id: the same project, now with a file, keeps its runs.
 */
export function enterProject(store: TrainingStore, key: ProjectKey): void {
  const s = store.getState();
  if (s.project && s.project.draft === key.draft) {
    if (s.project.projectPath !== key.projectPath) store.setState({ project: key });
    return;
  }
  const foreign = new Set(s.foreign);
  for (const id of s.order) if (isActive(s.runs[id])) foreign.add(id);
  store.setState({ project: key, foreign, runs: {}, order: [], current: null, overlay: [] });
}

/** Whether a run that just started is the open project's (same file, or same draft id). */
export function startedHere(project: ProjectKey | null, p: EventOf<"train.started">): boolean {
  if (!project) return true;
  if (project.projectPath !== null && p.projectPath === project.projectPath) return true;
  return p.draft !== null && p.draft === project.draft;
}
