import { createStore, type StoreApi } from "zustand/vanilla";
import { emptyGraph } from "../../shared/ir/graph";
import { PROJECT_FORMAT, PROJECT_VERSION, type Project } from "../../shared/ir/project";
import { DEFAULT_PROJECT_NAME } from "./project-name";

/**
 * The undoable document: one project, replaced (never mutated) on every edit so that unchanged
 * nodes and edges keep their identity. `version` grows by one per change; the analysis memoizes
 * on it and the dirty marker compares it with the version last saved (ANCHORS R12).
 */
export interface DocumentState {
  project: Project;
  version: number;
}

export type DocumentStore = StoreApi<DocumentState>;

export function blankProject(name = DEFAULT_PROJECT_NAME): Project {
  return { format: PROJECT_FORMAT, version: PROJECT_VERSION, name, graph: emptyGraph(), data: null, training: {} };
}

export function createDocumentStore(project: Project = blankProject()): DocumentStore {
  return createStore<DocumentState>()(() => ({ project, version: 0 }));
}

/**
 * Applies a pure edit. An edit that returns the same project object changed nothing: the version
 * stays, no listener fires and history records nothing. Returns whether the document changed.
 */
export function updateProject(doc: DocumentStore, edit: (project: Project) => Project): boolean {
  const { project, version } = doc.getState();
  const next = edit(project);
  if (next === project) return false;
  doc.setState({ project: next, version: version + 1 });
  return true;
}
