import type { SampleInput } from "../../../shared/evaluation/report";
import { SampleImage } from "../../charts/SampleImage";

/** A sample the way the user knows it: a thumbnail, a table row, a text or its values. */
export function SampleView({ input, size = 56 }: { input: SampleInput; size?: number }) {
  switch (input.kind) {
    case "image":
      return <SampleImage shape={input.shape} values={input.values} size={size} label={input.file ?? "sample image"} />;
    case "table":
      return (
        <span className="row-values" title={input.row !== undefined ? `record ${input.row}` : undefined}>
          {input.columns.map((c, i) => `${c}=${input.values[i] ?? "∅"}`).join(", ")}
        </span>
      );
    case "text":
      return <span className="row-values">“{input.text}”</span>;
    case "values": {
      const image = input.shape.length >= 2 && input.values.length >= 16;
      if (image) return <SampleImage shape={input.shape} values={input.values} size={size} label="sample values" />;
      const shown = input.values.slice(0, 12).map((v) => Number(v.toPrecision(3)));
      return (
        <span className="row-values">
          [{shown.join(", ")}
          {input.values.length > 12 || input.truncated ? ", …" : ""}]
        </span>
      );
    }
  }
}
