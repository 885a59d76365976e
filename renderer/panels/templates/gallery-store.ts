import type { StoreApi } from "zustand/vanilla";
import { perEditor } from "../../state/per-editor";

/**
 * Whether the template gallery is open: panel state, per editor (perEditor: no module singleton,
 * so tests with several editors stay independent). Not in the document, not undoable.
 */
export type GalleryStore = StoreApi<{ open: boolean }>;

export const galleryStore: (editor: object) => GalleryStore = perEditor(() => ({ open: false }));

export function setGalleryOpen(editor: object, open: boolean): void {
  galleryStore(editor).setState({ open });
}
