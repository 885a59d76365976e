import type { TextSource } from "../../../shared/datasets/sources/text";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import { splitIndices } from "../../../shared/datasets/split-indices";
import type { TrainingConfig } from "../../../shared/training/config";
import { encodeSequences, readText } from "../../data/text/index";
import { describeSource, firstOfPart, type RawSamples, SHOWN_SAMPLES } from "./raw-types";

/**
 * Texts of the run's file: the exported file takes token ids (standard ONNX has no tokenizer),
 * made here with the run's saved vocabulary by NetForge's own tokenizer, as its README tells
 * users to; NetForge gets the text itself, as Try it does. The first texts of the validation
 * part (else training part), split as dataset.ts fromText split them.
 */
export async function rawText(
  source: TextSource,
  spec: DatasetSpec,
  config: TrainingConfig,
  n: number,
  preprocessing: Record<string, unknown> | null,
): Promise<RawSamples | null> {
  if (preprocessing?.kind !== "text") return null;
  const layout = preprocessing as unknown as {
    vocabulary: string[];
    maxLength: number;
    padding: "pre" | "post";
    truncation: "pre" | "post";
  };
  const ex = await readText(source);
  const parts = splitIndices(ex.labels.length, spec.split, ex.labels);
  const { picked, part } = firstOfPart(parts, config, n);
  if (picked.length === 0) return null;
  const { ids } = encodeSequences(
    picked.map((i) => ex.tokens[i]),
    layout.vocabulary,
    layout,
  );
  return {
    source: describeSource(part, "texts", source.path),
    count: picked.length,
    columns: [{ name: "ids", dtype: "int32", shape: [layout.maxLength], data: ids }],
    samples: picked.map((i) => ({ kind: "text", text: ex.texts[i] })),
    shown: picked.slice(0, SHOWN_SAMPLES).map((i) => ({ kind: "text", text: ex.texts[i], line: ex.lineNumbers[i] })),
  };
}
