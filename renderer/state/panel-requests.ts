import { perEditor } from "./per-editor";
import type { CanvasRequest } from "./ui-store";

/**
 * Requests from commands to panels that live outside the canvas: show a layer's documentation in
 * the inspector, or open the palette's search to pick the block inserted after a layer. `seq`
 * grows so that asking twice fires twice.
 */
export interface PanelRequests {
  docs: CanvasRequest<string> | null;
  paletteSearch: CanvasRequest<string> | null;
}

export const panelRequests = perEditor<PanelRequests>(() => ({ docs: null, paletteSearch: null }));

export function requestPanel(editor: object, panel: keyof PanelRequests, nodeId: string): void {
  const store = panelRequests(editor);
  const seq = (store.getState()[panel]?.seq ?? 0) + 1;
  store.setState({ [panel]: { seq, value: nodeId } });
}
