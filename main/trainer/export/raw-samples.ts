import type { InlineDataset } from "../../../shared/datasets/inline";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import type { TrainingConfig } from "../../../shared/training/config";
import { rawArrays } from "./raw-arrays";
import { rawImages } from "./raw-images";
import { rawInline } from "./raw-inline";
import { rawSeries } from "./raw-series";
import { rawTable } from "./raw-table";
import { rawText } from "./raw-text";
import type { RawSamples } from "./raw-types";

export type { RawColumn, RawSamples } from "./raw-types";

/**
 * Samples of the run's data read RAW from the user's files, for the export's raw check: what the
 * exported file is fed (one column per raw input, before any preprocessing) and the same samples
 * as the Try-it path takes them (RawSample), so NetForge answers on exactly what the file sees.
 */

export interface RawRequest {
  data: InlineDataset | DatasetSpec;
  /** The run's training settings: its validation split decides which samples are validation ones. */
  config: TrainingConfig;
  samples: number;
  /** The run's preprocessing (a text's vocabulary): the file's token ids are made with it. */
  preprocessing: Record<string, unknown> | null;
}

/**
 * The first `samples` samples of the run's validation part (else its training part), split as
 * training split them. Null for data kinds read elsewhere (the caller falls back to random inputs).
 */
export async function rawSamples(req: RawRequest): Promise<RawSamples | null> {
  const config = req.config;
  const data = req.data;
  if ("kind" in data) return rawInline(data, config, req.samples, "inline samples");
  const source = data.source;
  if (source.kind === "inline") return rawInline(source, config, req.samples, "inline samples");
  if (source.kind === "table") return rawTable(source, data, config, req.samples);
  if (source.kind === "imageFolder") return rawImages(source, data, config, req.samples);
  if (source.kind === "text") return rawText(source, data, config, req.samples, req.preprocessing);
  if (source.kind === "timeSeries") return rawSeries(source, data, config, req.samples);
  if (source.kind === "idx" || source.kind === "npy") return rawArrays(source, data, config, req.samples);
  return null;
}
