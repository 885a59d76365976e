/**
 * A confusion matrix as a heatmap table: rows are the true classes, columns the predicted ones,
 * each cell shaded by its share of the row (recall per class), so a weak class stands out however
 * many samples it has. Counts or row-normalized values are shown in the cells.
 */
export function ConfusionMatrix({
  classNames,
  counts,
  normalized,
  mode,
}: {
  classNames: readonly string[];
  counts: readonly (readonly number[])[];
  normalized: readonly (readonly number[])[];
  mode: "counts" | "normalized";
}) {
  const total = counts.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  return (
    <div className="confusion-wrap">
      <table className="confusion" aria-label="Confusion matrix" data-total={total}>
        <thead>
          <tr>
            <th scope="col" className="corner">
              <span>true \ predicted</span>
            </th>
            {classNames.map((name) => (
              <th key={name} scope="col" title={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {counts.map((row, i) => (
            <tr key={classNames[i] ?? i}>
              <th scope="row" title={classNames[i]}>
                {classNames[i] ?? i}
              </th>
              {row.map((count, j) => {
                const share = normalized[i]?.[j] ?? 0;
                const text = mode === "counts" ? String(count) : share.toFixed(2);
                return (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions in a fixed grid
                    key={j}
                    data-count={count}
                    className={`${i === j ? "diag" : ""}${share > 0.55 ? " dark" : ""}`}
                    style={{ "--share": `${Math.round(share * 100)}%` } as React.CSSProperties}
                    title={`true ${classNames[i]}, predicted ${classNames[j]}: ${count} (${(share * 100).toFixed(1)}% of the row)`}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
