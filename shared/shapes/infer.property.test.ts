import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../diagnostics";
import { LAYER_CASES } from "../layers/__fixtures__/cases";
import { getSpec, LAYER_KINDS } from "../layers/catalog";
import { inferGraph } from "./infer";

/**
 * Garbage in, diagnostics out: random graphs with random (often invalid) params and wiring must
 * never make inferGraph throw, and must never hit E_INTERNAL, which would mean a spec crashed on
 * input it should have reported.
 */
const kind = fc.constantFrom(...LAYER_KINDS, "NotALayer");
const dims = fc.array(fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constant(null)), { maxLength: 5 });
const paramValue = fc.oneof(
  fc.integer({ min: -5, max: 300 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom("valid", "same", "causal", "relu", "concat", "sum", "", "nonsense"),
  dims,
  fc.constant(null),
  fc.record({
    kind: fc.constantFrom("LSTM", "GRU", "Dense", "Bogus"),
    params: fc.dictionary(fc.string(), fc.integer()),
  }),
);

const node = fc.record({
  kind,
  seed: fc.nat(),
  mutate: fc.dictionary(fc.string({ maxLength: 12 }), paramValue, {
    maxKeys: 3,
  }),
});

function paramsFor(k: string, seed: number, mutate: Record<string, unknown>): Record<string, unknown> {
  const cases = LAYER_CASES[k as keyof typeof LAYER_CASES] ?? [];
  const base = cases.length ? cases[seed % cases.length].params : {};
  const spec = getSpec(k);
  const names = spec ? Object.keys(spec.params) : [];
  // Half the mutations hit real param names, so bounds and enums are exercised, not only "unknown".
  const renamed = Object.fromEntries(
    Object.entries(mutate).map(([key, v], i) => [
      i % 2 === 0 && names.length ? names[(seed + i) % names.length] : key,
      v,
    ]),
  );
  return { ...base, ...renamed };
}

const graph = fc
  .tuple(
    fc.array(node, { minLength: 0, maxLength: 12 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()), {
      maxLength: 20,
    }),
    fc.array(dims, { minLength: 1, maxLength: 3 }),
  )
  .map(([nodes, edges, inputShapes]) => {
    const ns = [
      ...inputShapes.map((shape, i) => ({
        id: `in_${i}`,
        kind: "Input",
        params: { shape },
      })),
      ...nodes.map((n, i) => ({
        id: `n_${i}`,
        kind: n.kind,
        params: paramsFor(n.kind, n.seed, n.mutate),
      })),
    ];
    const es = edges.map(([s, t, p, garbagePort], i) => {
      const target = ns[t % ns.length];
      const ports = getSpec(target.kind)?.inputs.map((x) => x.name) ?? ["in"];
      const source = ns[s % ns.length];
      const outs = getSpec(source.kind)?.outputs;
      const sourcePort = outs && p % 3 === 0 ? "h" : undefined;
      return {
        id: `e_${i}`,
        source: source.id,
        target: target.id,
        targetPort: garbagePort && p % 5 === 0 ? "bogus" : (ports[p % Math.max(ports.length, 1)] ?? "in"),
        ...(sourcePort ? { sourcePort } : {}),
      };
    });
    return { format: "netforge.graph", version: 1, nodes: ns, edges: es };
  });

describe("inferGraph never throws", () => {
  it("on random graphs with random params and wiring", () => {
    fc.assert(
      fc.property(graph, (g) => {
        const a = inferGraph(g);
        const internal = a.diagnostics.filter((d) => d.code === "E_INTERNAL");
        expect(internal, JSON.stringify({ internal, g })).toEqual([]);
        for (const d of a.diagnostics) expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
        expect(a.ok).toBe(a.diagnostics.every((d) => d.severity !== "error"));
        for (const n of Object.values(a.nodes)) {
          expect(Number.isFinite(n.paramCount.total)).toBe(true);
          for (const s of n.outputShapes ?? [])
            for (const d of s) expect(d === null || (Number.isInteger(d) && d > 0)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(inferGraph(value).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
