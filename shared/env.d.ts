// shared/ runs in the renderer, the host and the trainer, so it gets neither DOM nor Node typings.
// The few globals every one of those runtimes has are declared here by hand; anything else
// (window, Buffer, process) fails to compile, which keeps the layering honest.
declare function structuredClone<T>(value: T): T;
declare const performance: { now(): number };
declare const console: {
  log(...a: unknown[]): void;
  warn(...a: unknown[]): void;
  error(...a: unknown[]): void;
};
