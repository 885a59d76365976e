import { createStore, type StoreApi } from "zustand/vanilla";

/**
 * Whether the template gallery is open: panel state, per editor (a WeakMap instead of a module
 * singleton, so tests with several editors stay independent). Not in the document, not undoable.
 */
export type GalleryStore = StoreApi<{ open: boolean }>;

const stores = new WeakMap<object, GalleryStore>();

export function galleryStore(editor: object): GalleryStore {
  let store = stores.get(editor);
  if (!store) {
    store = createStore(() => ({ open: false }));
    stores.set(editor, store);
  }
  return store;
}

export function setGalleryOpen(editor: object, open: boolean): void {
  galleryStore(editor).setState({ open });
}
