import type { z } from "zod";

/**
 * One declaration of the host API (ANCHORS R18): method name -> request and response schemas, and
 * event name -> payload schema. Transports, the preload allowlist, the client's types and the host's
 * handler table are all derived from it, so no list of names is ever kept by hand.
 */
export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** One line for docs and error messages. */
  summary: string;
}

export interface ContractSpec {
  methods: Record<string, MethodSpec>;
  events: Record<string, z.ZodType>;
}

export interface Contract<C extends ContractSpec> {
  methods: C["methods"];
  events: C["events"];
  /** Sorted names, for allowlists (the Electron preload) and "expected one of" messages. */
  methodNames: readonly (keyof C["methods"] & string)[];
  eventNames: readonly (keyof C["events"] & string)[];
  isMethod(name: unknown): name is keyof C["methods"] & string;
  isEvent(name: unknown): name is keyof C["events"] & string;
}

export function defineContract<const C extends ContractSpec>(spec: C): Contract<C> {
  const methodNames = Object.keys(spec.methods).sort() as (keyof C["methods"] & string)[];
  const eventNames = Object.keys(spec.events).sort() as (keyof C["events"] & string)[];
  const methods = new Set<string>(methodNames);
  const events = new Set<string>(eventNames);
  return {
    methods: spec.methods,
    events: spec.events,
    methodNames,
    eventNames,
    // Own-property checks: "toString" or "__proto__" must never count as a method.
    isMethod: (name): name is keyof C["methods"] & string => typeof name === "string" && methods.has(name),
    isEvent: (name): name is keyof C["events"] & string => typeof name === "string" && events.has(name),
  };
}
