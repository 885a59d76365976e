import { memo, type ReactNode } from "react";
import { type MathNode, parseMath } from "./math";

/** A catalog formula, typeset (see math.ts); screen readers get the original text. */
export const MathText = memo(function MathText({ text }: { text: string }) {
  return (
    <span className="math" role="math" aria-label={text}>
      {renderNodes(parseMath(text))}
    </span>
  );
});

function renderNodes(nodes: readonly MathNode[]): ReactNode[] {
  return nodes.map((n, i) => {
    // Formulas are static strings, so position is a stable key.
    const key = i;
    switch (n.t) {
      case "space":
        return " ";
      case "var":
        return (
          <i key={key} className="math-var">
            {n.s}
          </i>
        );
      case "num":
        return n.s;
      case "fn":
        return (
          <span key={key} className="math-fn">
            {n.s}
          </span>
        );
      case "word":
        return (
          <span key={key} className="math-word">
            {n.s}
          </span>
        );
      case "op":
        return (
          <span key={key} className="math-op">
            {n.s}
          </span>
        );
      case "punct":
        return n.s;
      case "bigop":
        return (
          <span key={key} className="math-bigop">
            {n.s}
          </span>
        );
      case "sup":
        return <sup key={key}>{renderNodes(n.c)}</sup>;
      case "sub":
        return <sub key={key}>{renderNodes(n.c)}</sub>;
      case "sqrt":
        return (
          <span key={key} className="math-sqrt">
            √<span className="math-radicand">{renderNodes(n.c)}</span>
          </span>
        );
      default:
        return null;
    }
  });
}
