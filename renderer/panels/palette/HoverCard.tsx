import type { AnyLayerSpec } from "../../../shared/layers/spec";
import { CategoryGlyph } from "./glyphs";

/** The one-line summary of the block under the pointer, beside the palette. */
export function HoverCard({ spec, top }: { spec: AnyLayerSpec; top: number }) {
  return (
    <div className={`hover-card cat-${spec.category.toLowerCase()}`} style={{ top }} role="tooltip">
      <div className="hover-card-title">
        <CategoryGlyph category={spec.category} />
        <strong>{spec.title}</strong>
        <span className="muted">{spec.category}</span>
      </div>
      <p>{spec.doc.summary}</p>
      <p className="mono muted">
        {spec.doc.inputShape} → {spec.doc.outputShape}
      </p>
      <p className="hover-card-hint muted">Drag to the canvas, or double-click to add after the selection</p>
    </div>
  );
}
