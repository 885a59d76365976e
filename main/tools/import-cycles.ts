import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * Import cycles between source files. A cycle makes module order matter (a value read before its
 * module ran is undefined) and welds modules that should be separable; type-only imports count
 * too, since they tie the files' designs together just the same. Only relative imports are
 * followed: packages cannot import our files back.
 */

/** Specifiers of `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^"'`;]*?\sfrom\s*["']([^"']+)["']/g, /\bimport\s*\(?\s*["']([^"']+)["']/g];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]);
  return found;
}

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];
const isSource = (f: string) => /\.tsx?$/.test(f) && !/\.d\.ts$/.test(f);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules" || name.startsWith(".")) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : isSource(path) ? [path] : [];
  });
}

/** file -> the files it imports, for every source file under the given folders (paths relative to root). */
export function importGraph(root: string, folders: readonly string[]): Map<string, string[]> {
  const files = new Set(folders.flatMap((f) => sourceFiles(resolve(root, f))));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importSpecifiers(readFileSync(file, "utf8"))
      .filter((s) => s.startsWith("."))
      .map((s) => {
        const base = resolve(dirname(file), s.replace(/\.js$/, ""));
        return EXTENSIONS.map((e) => base + e).find((p) => files.has(p));
      })
      .filter((p): p is string => p !== undefined);
    graph.set(relative(root, file), [...new Set(targets.map((t) => relative(root, t)))]);
  }
  return graph;
}

/** Every strongly connected set of more than one file (or a file importing itself), each sorted. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so that a deep import chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const edges = graph.get(top.node) ?? [];
      if (top.edge < edges.length) {
        const to = edges[top.edge++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(top.node) as number));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== top.node);
      if (component.length > 1 || edges.includes(top.node)) cycles.push(component.sort());
    }
  }
  return cycles;
}
