import { memo, useMemo } from "react";
import { ACTIVATIONS, type ActivationName, type ActivationOpts } from "../../../shared/layers/activations";
import { plotGeometry } from "./plot-path";

const BOX = { width: 248, height: 132, pad: 8 };

/** f and f' of an activation on [-4, 4], as the lecture notes draw them. */
export const ActivationPlot = memo(function ActivationPlot({
  name,
  opts,
}: {
  name: ActivationName;
  opts: ActivationOpts;
}) {
  const { alpha, lambda, threshold } = opts;
  const g = useMemo(() => plotGeometry(name, { alpha, lambda, threshold }, BOX), [name, alpha, lambda, threshold]);
  const info = ACTIVATIONS[name];
  return (
    <figure className="activation-plot">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-label={`Plot of ${info.title} and its derivative from -4 to 4`}
      >
        <rect className="plot-frame" x={0.5} y={0.5} width={BOX.width - 1} height={BOX.height - 1} rx={4} />
        {g.zeroY !== null && (
          <line className="plot-axis" x1={BOX.pad} x2={BOX.width - BOX.pad} y1={g.zeroY} y2={g.zeroY} />
        )}
        {g.zeroX !== null && (
          <line className="plot-axis" y1={BOX.pad} y2={BOX.height - BOX.pad} x1={g.zeroX} x2={g.zeroX} />
        )}
        <path className="plot-df" d={g.df} />
        <path className="plot-f" d={g.f} />
        <text className="plot-tick" x={BOX.pad + 2} y={BOX.pad + 9}>
          {g.yMax.toFixed(1)}
        </text>
        <text className="plot-tick" x={BOX.pad + 2} y={BOX.height - BOX.pad - 2}>
          {g.yMin.toFixed(1)}
        </text>
      </svg>
      <figcaption>
        <span className="legend legend-f">f(x)</span>
        <span className="legend legend-df">{info.vectorValued ? "∂s₀/∂z₀" : "f′(x)"}</span>
        <span className="muted">x ∈ [−4, 4]</span>
      </figcaption>
    </figure>
  );
});
