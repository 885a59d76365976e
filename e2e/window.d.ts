import type { Project } from "../shared/ir/project";

/**
 * The test hook renderer/main.tsx installs on window (see there). Specs run in Node and cannot import
 * the renderer's Editor type, so this declares the part of it they call.
 */
declare global {
  interface Window {
    __netforge?: {
      editor: {
        run(id: string, args?: unknown): boolean;
        project(): Project;
        isDirty(): boolean;
        doc: { getState(): { version: number } };
        ui: { getState(): { selection: { nodes: string[]; edges: string[] } } };
        history: { undo(): void };
        analysis: { getState(): { graph: { nodes: Record<string, { outputShapes?: (number | null)[][] }> } } };
      };
      load(project: Project | null): void;
    };
  }
}
