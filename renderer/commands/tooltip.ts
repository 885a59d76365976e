import { detectMac, formatKbd } from "./keyboard";
import type { CommandRegistry } from "./registry";

/**
 * A button's tooltip for the command it runs, "Auto-layout (Ctrl+Shift+L)": title and shortcut are
 * read from the registry, the one place the keyboard reads them from, so a tooltip cannot name a
 * shortcut that does something else. A command that is not registered says so instead of guessing.
 */
export function commandTooltip(commands: Pick<CommandRegistry, "get">, id: string, isMac = detectMac()): string {
  const command = commands.get(id);
  if (!command) return `${id} (not available in this window)`;
  return command.kbd ? `${command.title} (${formatKbd(command.kbd, isMac)})` : command.title;
}
