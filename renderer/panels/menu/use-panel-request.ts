import { useEffect, useRef } from "react";
import { useEditor } from "../../state/editor-context";
import { type PanelRequests, panelRequests } from "../../state/panel-requests";

/**
 * Runs `handle` for each request to a panel (commands show-docs, insert-after), including one made
 * just before the panel mounted (the same click selected the layer). A request `handle` accepts
 * (returns true) is cleared, so that selecting the layer again later does not act on it again.
 */
export function usePanelRequest(panel: keyof PanelRequests, handle: (nodeId: string) => boolean): void {
  const editor = useEditor();
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const store = panelRequests(editor);
    const check = () => {
      const request = store.getState()[panel];
      if (request && latest.current(request.value)) store.setState({ [panel]: null });
    };
    check();
    return store.subscribe(check);
  }, [editor, panel]);
}
