import type { Editor } from "../state/editor";

/**
 * Commands as data (ANCHORS R17): menus, the keyboard, the palette, the help overlay and tests
 * invoke them by id through `editor.run(id, args)`, which marks history once and runs the command
 * in one batch. Registries are split by area (graph-commands.ts, file-commands.ts).
 */
export interface Command<A = never> {
  id: string;
  /** Shown in menus, tooltips and the shortcut overlay; also the accessible name of buttons. */
  title: string;
  /**
   * Shortcut(s), comma-separated: "mod+z", "shift+mod+z,mod+y", "delete,backspace". `mod` is Cmd
   * on macOS and Ctrl elsewhere; see keyboard.ts for the grammar.
   */
  kbd?: string;
  category: CommandCategory;
  /** Whether the command applies now (disabled buttons, ignored shortcuts). */
  when?(editor: Editor): boolean;
  run(editor: Editor, args?: A): void;
}

export type CommandCategory = "edit" | "graph" | "view" | "file" | "train" | "help";

/** A command whose argument type is erased, as the registry stores them. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds commands of every argument type.
export type AnyCommand = Command<any>;

export interface CommandRegistry {
  /** Adds commands; returns a function that removes them again. Throws on a duplicate id. */
  register(list: readonly AnyCommand[]): () => void;
  get(id: string): AnyCommand | undefined;
  /** Every command, in registration order (for the help overlay and menus). */
  all(): AnyCommand[];
  /** Fires when commands are added or removed. */
  subscribe(listener: () => void): () => void;
}

export function createCommandRegistry(): CommandRegistry {
  const commands = new Map<string, AnyCommand>();
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of [...listeners]) l();
  };
  return {
    register(list) {
      for (const c of list) {
        if (commands.has(c.id)) throw new Error(`command id "${c.id}" is registered twice; ids must be unique`);
      }
      for (const c of list) commands.set(c.id, c);
      emit();
      return () => {
        for (const c of list) if (commands.get(c.id) === c) commands.delete(c.id);
        emit();
      };
    },
    get: (id) => commands.get(id),
    all: () => [...commands.values()],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Registers commands on an editor (file-commands and training commands add theirs this way). */
export function registerCommands(editor: Pick<Editor, "commands">, list: readonly AnyCommand[]): () => void {
  return editor.commands.register(list);
}

/** Identity helper that keeps a command's argument type at its definition. */
export function defineCommand<A = never>(command: Command<A>): Command<A> {
  return command;
}
