import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * node:util parseArgs for a command's flags, with one difference: a value that looks like a
 * negative number (`--epochs -1`, `--lr -.5`) is taken as the flag's value, as users expect, so the
 * command can say what range it needs instead of parseArgs' "argument is ambiguous".
 */
type Config<O extends Options> = { args: string[]; options: O; allowPositionals: boolean; strict: true };

export function parseFlags<const O extends Options>(
  args: string[],
  options: O,
  allowPositionals = true,
): ReturnType<typeof parseArgs<Config<O>>> {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].startsWith("--") ? args[i].slice(2) : null;
    const next = args[i + 1];
    if (name !== null && options[name]?.type === "string" && next !== undefined && /^-(\d|\.\d|inf)/i.test(next)) {
      joined.push(`${args[i]}=${next}`);
      i++;
    } else joined.push(args[i]);
  }
  return parseArgs({ args: joined, options, allowPositionals, strict: true });
}
