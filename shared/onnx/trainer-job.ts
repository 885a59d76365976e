import { z } from "zod";
import { InlineDatasetSchema } from "../datasets/inline";
import { DatasetSpecSchema } from "../datasets/spec";
import { SampleInputSchema } from "../evaluation/report";
import { type PipelineDescription, PORT_DTYPES } from "./pipeline/types";
import { EXPORT_FORMATS, ExportInputModeSchema, TableInputModeSchema, TensorInfoSchema } from "./result";

/**
 * The trainer's half of an export, as the `export` request of shared/trainer/protocol.ts carries
 * it: the trainer compiles the graph, loads the saved weights (or keeps fresh ones), writes the
 * ONNX bytes or the tfjs folder, and predicts on verification inputs; the host checks the file
 * (main/services/export.ts) without loading tfjs.
 */
/**
 * A GAN run's checkpoint folder keeps the discriminator's weights in this subfolder (the generator's
 * are the checkpoint itself), for export --discriminator.
 */
export const GAN_DISCRIMINATOR_DIR = "discriminator";

export const ExportJobSchema = z.object({
  graph: z.unknown(),
  format: z.enum(EXPORT_FORMATS),
  /** Node ids of the model's outputs (shared/onnx/readiness.ts exportOutputs). */
  outputs: z.array(z.string().min(1)).min(1),
  /** A checkpoint folder (tfjs layers format); omitted = freshly initialised weights. */
  modelDir: z.string().min(1).optional(),
  /** tfjs format: the folder to write model.json + weights.bin into (the host renames it into place). */
  tfjsDir: z.string().min(1).optional(),
  /** Verification inputs; omitted = no predictions (--no-verify). */
  verify: z
    .object({
      samples: z.number().int().min(1).max(4096),
      seed: z.number().int().min(0),
      /** The run's data: a sample of its validation part (else training part) is used, else random inputs. */
      data: z.union([InlineDatasetSchema, DatasetSpecSchema]).optional(),
      /** The run's training settings (its validation split), as run.json records them. */
      training: z.unknown().optional(),
    })
    .optional(),
  /**
   * ONNX: the data pipeline around the network (shared/onnx/pipeline), built in the trainer from
   * the run's preprocessing, data source, class names and training settings.
   */
  pipeline: z
    .object({
      inputs: ExportInputModeSchema.default("raw"),
      tableInputs: TableInputModeSchema.default("columns"),
      preprocessing: z.unknown(),
      source: z.unknown(),
      classNames: z.array(z.string()).nullable(),
      training: z.unknown(),
      /**
       * The run's data: a project exported with fresh weights saved no preprocessing, so the
       * trainer fits it on this data as training would; the raw check reads its samples from it.
       */
      data: z.union([InlineDatasetSchema, DatasetSpecSchema]).optional(),
      /** The exported file's name without ".onnx": files written beside it are named after it. */
      fileStem: z.string().min(1).optional(),
    })
    .optional(),
  /** ONNX metadata_props and header fields (shared/onnx/metadata.ts). */
  metadata: z.record(z.string(), z.string()).default({}),
  docString: z.string().optional(),
  graphName: z.string().optional(),
  producerVersion: z.string().optional(),
});
export type ExportJob = z.output<typeof ExportJobSchema>;

/** Typed arrays cross the process boundary as they are (structured clone: IPC "advanced" serialization). */
const typed = <T>(type: new (...args: never[]) => T, name: string) =>
  z.custom<T>((v) => v instanceof type, { error: `expected a ${name}` });
const Data = z.union([typed<Float32Array>(Float32Array, "Float32Array"), typed<Int32Array>(Int32Array, "Int32Array")]);

/** One tensor of the verification sample: row-major data with the batch first. */
export const SampleTensorSchema = z.object({
  name: z.string(),
  dtype: z.enum(["float32", "int32"]),
  shape: z.array(z.number().int()),
  data: Data,
});
export type SampleTensor = z.infer<typeof SampleTensorSchema>;

/**
 * A tensor of the raw-data check: what onnxruntime is fed (strings for categorical columns, uint8
 * pixels) or what NetForge answered (probabilities, labels as strings), batch first.
 */
export const RawTensorSchema = z.object({
  name: z.string(),
  dtype: z.enum(PORT_DTYPES),
  shape: z.array(z.number().int()),
  data: z.union([
    typed<Float32Array>(Float32Array, "Float32Array"),
    typed<Int32Array>(Int32Array, "Int32Array"),
    typed<Uint8Array>(Uint8Array, "Uint8Array"),
    typed<BigInt64Array>(BigInt64Array, "BigInt64Array"),
    z.array(z.string()),
  ]),
});
export type RawTensor = z.infer<typeof RawTensorSchema>;

export const EXPORT_SAMPLE_SOURCES = ["validation", "training", "random"] as const;

/** The trainer's reply to an `export` request (the `value` of its `result` message). */
export const ExportReplySchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  /** ONNX: the file's bytes and header; null for tfjs. */
  onnx: z
    .object({
      bytes: typed<Uint8Array>(Uint8Array, "Uint8Array"),
      irVersion: z.number().int(),
      opset: z.number().int(),
    })
    .nullable(),
  inputs: z.array(TensorInfoSchema),
  outputs: z.array(TensorInfoSchema),
  /** Verification: the inputs (in `inputs` order) and tfjs' predictions (in `outputs` order). */
  sample: z
    .object({
      source: z.enum(EXPORT_SAMPLE_SOURCES),
      count: z.number().int(),
      inputs: z.array(SampleTensorSchema),
      expected: z.array(SampleTensorSchema),
      /** tfjs format: the predictions of the model read back from the written folder. */
      reloaded: z.array(SampleTensorSchema).optional(),
      /**
       * ONNX with a raw pipeline: samples read raw from the user's data files. `feeds` go to the
       * file's inputs; `expected` is NetForge's answer on the same raw samples (its preprocessing
       * and model, the Try-it path), one tensor per file output in order; `shown` the first few
       * samples as the report shows them (the input, and NetForge's answer as text).
       */
      raw: z
        .object({
          source: z.string(),
          feeds: z.array(RawTensorSchema),
          expected: z.array(RawTensorSchema),
          shown: z.array(z.object({ input: SampleInputSchema, netforge: z.string() })),
          /**
           * A seq2seq file answers a token per step: its answer reads as the tokens up to `end`,
           * padding left out, joined by `separator` (as NetForge's answer is written).
           */
          sequence: z.object({ end: z.string(), pad: z.string(), separator: z.string() }).optional(),
        })
        .optional(),
    })
    .nullable(),
  /** ONNX: the pipeline's description (ports, steps, side files, metadata); null for tfjs. */
  pipeline: z
    .custom<PipelineDescription>((v) => typeof v === "object" && v !== null)
    .nullable()
    .default(null),
  /** Milliseconds per phase inside the trainer (compile, load, predict, export, ...). */
  timings: z.record(z.string(), z.number()),
  warnings: z.array(z.string()),
});
export type ExportReply = z.infer<typeof ExportReplySchema>;
