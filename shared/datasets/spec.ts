import { z } from "zod";
import { InlineDatasetSchema } from "./inline";
import { IdxSourceSchema } from "./sources/idx";
import { ImageFolderSourceSchema } from "./sources/image-folder";
import { NpySourceSchema } from "./sources/npy";
import { SentencePairsSourceSchema } from "./sources/sentence-pairs";
import { TableSourceSchema } from "./sources/table";
import { TextSourceSchema } from "./sources/text";
import { TimeSeriesSourceSchema } from "./sources/time-series";
import { SplitSchema } from "./split";

/**
 * The dataset spec saved in a project: where the samples come from (one source kind per file in
 * sources/), how they are split, and with which seed. The trainer turns it into tensors; the host
 * probes the source for a preview without the trainer.
 */
export const DataSourceSchema = z.discriminatedUnion("kind", [
  InlineDatasetSchema,
  TableSourceSchema,
  ImageFolderSourceSchema,
  IdxSourceSchema,
  NpySourceSchema,
  TextSourceSchema,
  SentencePairsSourceSchema,
  TimeSeriesSourceSchema,
]);

export const DatasetSpecSchema = z
  .object({
    source: DataSourceSchema,
    split: SplitSchema.default(() => SplitSchema.parse({})),
  })
  .strict();

export type DataSource = z.output<typeof DataSourceSchema>;
export type DatasetSpec = z.output<typeof DatasetSpecSchema>;
