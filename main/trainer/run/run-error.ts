import { CompileError } from "../compile/compile";

/** A failure that ends the run with an `error` message carrying this code. */
export class RunError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Graph errors found while compiling are the user's to fix: E_COMPILE, not an internal error. */
export function guardCompile<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof CompileError) throw new RunError("E_COMPILE", error.message);
    throw error;
  }
}
