import type { CSSProperties } from "react";

/** recharts' default tooltip box, themed (it takes inline styles; CSS variables work there). */
export const TOOLTIP_STYLE: CSSProperties = {
  background: "var(--raised)",
  border: "1px solid var(--border)",
  borderRadius: 6,
  boxShadow: "var(--shadow-lg)",
  color: "var(--text)",
  fontSize: 12,
  padding: "6px 9px",
};
