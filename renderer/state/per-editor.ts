import { createStore, type StoreApi } from "zustand/vanilla";

/**
 * Panel state kept per editor (a WeakMap instead of a module singleton, so tests with several
 * editors stay independent): returns the getter of one such store. Not in the document, not undoable.
 */
export function perEditor<T extends object>(initial: () => T): (editor: object) => StoreApi<T> {
  const stores = new WeakMap<object, StoreApi<T>>();
  return (editor) => {
    let store = stores.get(editor);
    if (!store) {
      store = createStore<T>()(initial);
      stores.set(editor, store);
    }
    return store;
  };
}
