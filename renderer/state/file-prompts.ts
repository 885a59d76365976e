import { createStore, type StoreApi } from "zustand/vanilla";

/**
 * How file commands ask the user for a path, a yes/no, or a file from their computer. Electron
 * answers with native dialogs; browser mode with the host's folder browser (FileBrowserDialog),
 * which reads its open request from this store. Tests supply their own answers.
 */
export interface FilePrompts {
  /** A project file to open; null when cancelled. */
  openProject(): Promise<string | null>;
  /** Where to save the project; null when cancelled. */
  saveProject(defaultName: string): Promise<string | null>;
  confirm(message: string): Promise<boolean>;
  /** A file from the user's own computer (upload); null when cancelled. */
  pickLocalFile(accept: string): Promise<File | null>;
}

export type FileBrowserMode = "open" | "save" | "folder";

export interface FileBrowserRequest {
  mode: FileBrowserMode;
  title: string;
  /** Save: the file name proposed. */
  defaultName?: string;
  /** Which files are shown as choosable (folders always are, to navigate). */
  accept?: (name: string) => boolean;
  /** Answers the request: a path (its folder already opened on the host), or null when cancelled. */
  resolve(path: string | null): void;
}

export type FileBrowserStore = StoreApi<{ request: FileBrowserRequest | null }>;

const stores = new WeakMap<object, FileBrowserStore>();

/** One store per editor (a WeakMap, not a module singleton, so tests with several editors stay apart). */
export function fileBrowserStore(editor: object): FileBrowserStore {
  let store = stores.get(editor);
  if (!store) {
    store = createStore(() => ({ request: null as FileBrowserRequest | null }));
    stores.set(editor, store);
  }
  return store;
}

/** Opens the folder browser and waits for its answer; a request still open is cancelled first. */
export function browse(editor: object, request: Omit<FileBrowserRequest, "resolve">): Promise<string | null> {
  const store = fileBrowserStore(editor);
  store.getState().request?.resolve(null);
  return new Promise((resolve) => {
    const open: FileBrowserRequest = {
      ...request,
      resolve: (path) => {
        if (store.getState().request === open) store.setState({ request: null });
        resolve(path);
      },
    };
    store.setState({ request: open });
  });
}

export const isProjectFile = (name: string) => /\.json$/i.test(name);
