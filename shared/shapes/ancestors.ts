import type { GraphAnalysis } from "./infer";

/** The given nodes and every node they depend on: the sub-network a compiler or exporter builds. */
export function ancestorsOf(outputs: readonly string[], analysis: GraphAnalysis): Set<string> {
  const seen = new Set<string>();
  const stack = [...outputs];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const r of analysis.nodes[id]?.inputRefs ?? []) stack.push(r.source);
  }
  return seen;
}
