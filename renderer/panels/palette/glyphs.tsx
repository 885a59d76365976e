import { memo } from "react";
import type { Category } from "../../../shared/layers/spec";

/**
 * One 16x16 line glyph per category (Netron draws every operator from its category too), so a
 * palette row, a canvas node and a summary row show the same mark. Stroked with currentColor:
 * the category colour comes from CSS.
 */
const PATHS: Record<Category, string> = {
  Input: "M2 8h8M7 5l3 3-3 3M13 3v10",
  Core: "M1.5 3.5 8 8M1.5 8H8M1.5 12.5 8 8M13 8h1.5M13 8a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z",
  Activation: "M1.5 12.5h3c3 0 4-9 7-9h3",
  Shape: "M2 3h5v5H2zM9 10.5h5M9 13h5M9 8h5",
  Regularization: "M4 4h.01M8 4h.01M12 4h.01M4 8h.01M12 8h.01M4 12h.01M8 12h.01M6.5 6.5l3 3M9.5 6.5l-3 3",
  Convolution: "M2 2h12v12H2zM2 6h12M2 10h12M6 2v12M10 2v12M2 2l4 4",
  Pooling: "M2 3h12L9.5 8.5V13l-3 1V8.5z",
  Normalization: "M1 13c3.5 0 4.5-10 7-10s3.5 10 7 10M8 3v10",
  Recurrent: "M12.5 5.5A5 5 0 1 0 13 9M12.5 2v3.5H9",
  Attention: "M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z",
  Merge: "M2 3.5c5 0 5 4.5 11 4.5M2 12.5c5 0 5-4.5 11-4.5M11 5.5 13.5 8 11 10.5",
  Generative: "M8 1.5l1.6 4.9 4.9 1.6-4.9 1.6L8 14.5l-1.6-4.9L1.5 8l4.9-1.6zM13 1.5v3M11.5 3h3",
};

export const CategoryGlyph = memo(function CategoryGlyph({
  category,
  size = 16,
}: {
  category: Category;
  size?: number;
}) {
  return (
    <svg
      className={`glyph cat-${category.toLowerCase()}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[category]} />
    </svg>
  );
});
