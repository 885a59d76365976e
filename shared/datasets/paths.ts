import type { DataSource, DatasetSpec } from "./spec";

/**
 * Paths in a project's data source are relative to the project file, so a project folder can be
 * moved or shared with its data. `resolve` joins a relative path to the project's folder.
 */
export function resolveSourcePaths(spec: DatasetSpec, resolve: (path: string) => string): DatasetSpec {
  return { ...spec, source: withPaths(spec.source, resolve) };
}

function withPaths(s: DataSource, resolve: (path: string) => string): DataSource {
  switch (s.kind) {
    case "inline":
      return s;
    case "table":
    case "imageFolder":
    case "text":
    case "sentencePairs":
    case "timeSeries":
      return { ...s, path: resolve(s.path) };
    case "idx":
      return { ...s, images: resolve(s.images), labels: resolve(s.labels) };
    case "npy":
      return { ...s, x: resolve(s.x), ...(s.y ? { y: resolve(s.y) } : {}) };
  }
}
