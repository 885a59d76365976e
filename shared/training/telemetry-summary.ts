import type { Histogram, LayerTelemetry, TelemetryRecord, TelemetryWarning } from "./telemetry";

/**
 * What `netforge inspect` (and the Train tab's table) say about a run's telemetry: per layer the
 * last histograms summarized, the gradient norm history, the last dead fraction, and each kind
 * of warning with the epochs it was seen at.
 */
export interface HistogramSummary {
  min: number;
  max: number;
  /** Mean and standard deviation from the bin centres (the histogram is all that is stored). */
  mean: number;
  std: number;
  counts: number[];
}
export interface LayerSummary {
  name: string;
  className: string;
  weights: HistogramSummary | null;
  activations: HistogramSummary | null;
  gradients: HistogramSummary | null;
  gradNorms: { epoch: number; gradNorm: number }[];
  deadFraction: number | null;
  warnings: (TelemetryWarning & { firstEpoch: number; lastEpoch: number })[];
}
export interface TelemetrySummary {
  records: number;
  epochs: number[];
  samples: number;
  layers: LayerSummary[];
}

export function summarizeHistogram(h: Histogram | null): HistogramSummary | null {
  if (!h) return null;
  const width = (h.max - h.min) / h.counts.length;
  let n = 0;
  let sum = 0;
  let squares = 0;
  h.counts.forEach((c, i) => {
    const centre = h.min + (i + 0.5) * width;
    n += c;
    sum += c * centre;
    squares += c * centre * centre;
  });
  const mean = n ? sum / n : 0;
  return { ...h, mean, std: n ? Math.sqrt(Math.max(0, squares / n - mean * mean)) : 0 };
}

export function summarizeTelemetry(records: TelemetryRecord[]): TelemetrySummary {
  const last = new Map<string, LayerTelemetry>();
  const layers = new Map<string, LayerSummary>();
  for (const record of records) {
    for (const layer of record.layers) {
      last.set(layer.name, layer);
      let s = layers.get(layer.name);
      if (!s) {
        s = {
          name: layer.name,
          className: layer.className,
          weights: null,
          activations: null,
          gradients: null,
          gradNorms: [],
          deadFraction: null,
          warnings: [],
        };
        layers.set(layer.name, s);
      }
      if (layer.gradNorm !== null) s.gradNorms.push({ epoch: record.epoch, gradNorm: layer.gradNorm });
      for (const w of layer.warnings) {
        const seen = s.warnings.find((x) => x.kind === w.kind);
        if (seen) Object.assign(seen, { message: w.message, lastEpoch: record.epoch });
        else s.warnings.push({ ...w, firstEpoch: record.epoch, lastEpoch: record.epoch });
      }
    }
  }
  for (const [name, s] of layers) {
    const l = last.get(name) as LayerTelemetry;
    s.weights = summarizeHistogram(l.weights);
    s.activations = summarizeHistogram(l.activations);
    s.gradients = summarizeHistogram(l.gradients);
    s.deadFraction = l.deadFraction;
  }
  return {
    records: records.length,
    epochs: records.map((r) => r.epoch),
    samples: records.at(-1)?.samples ?? 0,
    layers: [...layers.values()],
  };
}

/** Four significant digits, exponent notation for very small or large magnitudes (norms, ratios). */
export function formatNumber(v: number): string {
  if (v === 0) return "0";
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? String(+v.toPrecision(4)) : v.toExponential(2);
}
