import type { AnyCommand, Command, CommandRegistry, Editor } from "../state/editor-api";

export type { AnyCommand, Command, CommandCategory, CommandRegistry } from "../state/editor-api";

/*
 * Commands as data (ANCHORS R17): menus, the keyboard, the palette, the help overlay and tests
 * invoke them by id through `editor.run(id, args)`, which marks history once and runs the command
 * in one batch. Registries are split by area (graph-commands.ts, file-commands.ts). The Command
 * type lives with the Editor's in state/editor-api.ts, so that neither module imports the other.
 */

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
