/**
 * Regression scores with scikit-learn's definitions (mean_absolute_error, mean_squared_error,
 * r2_score; multi-output averaged uniformly over the outputs, as its default "uniform_average").
 */

export interface RegressionScores {
  mae: number;
  mse: number;
  /** Mean over outputs of each output's RMSE (equal to sqrt(mse) for one output). */
  rmse: number;
  /** 1 - SS_res / SS_tot per output, averaged; a constant target scores 1 if fitted exactly, else 0. */
  r2: number;
  /** 1 - (1 - R²)(n - 1)/(n - p - 1) for p features; null when n - p - 1 <= 0 (too few samples). */
  adjustedR2: number | null;
}

/**
 * Scores of predictions against targets, both [n, outputs] row-major (flat). `features` is the
 * number of input features p for the adjusted R² (the flattened input size).
 */
export function regressionScores(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  outputs = 1,
  features?: number,
): RegressionScores {
  if (actual.length !== predicted.length || actual.length === 0 || actual.length % outputs !== 0) {
    throw new RangeError(
      `expected equally many targets and predictions, a whole number of samples of ${outputs} output(s); received ${actual.length} targets and ${predicted.length} predictions`,
    );
  }
  const n = actual.length / outputs;
  let abs = 0;
  let sq = 0;
  let rmse = 0;
  let r2 = 0;
  for (let o = 0; o < outputs; o++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += actual[i * outputs + o];
    mean /= n;
    let res = 0;
    let tot = 0;
    for (let i = 0; i < n; i++) {
      const y = actual[i * outputs + o];
      const e = y - predicted[i * outputs + o];
      abs += Math.abs(e);
      res += e * e;
      tot += (y - mean) ** 2;
    }
    sq += res;
    rmse += Math.sqrt(res / n);
    r2 += tot > 0 ? 1 - res / tot : res === 0 ? 1 : 0;
  }
  r2 /= outputs;
  const dof = features === undefined ? 0 : n - features - 1;
  return {
    mae: abs / actual.length,
    mse: sq / actual.length,
    rmse: rmse / outputs,
    r2,
    adjustedR2: features !== undefined && dof > 0 ? 1 - ((1 - r2) * (n - 1)) / dof : null,
  };
}

/** actual - predicted, element by element (the residual plot's y; sklearn's PredictionErrorDisplay). */
export function residuals(actual: ArrayLike<number>, predicted: ArrayLike<number>): number[] {
  return Array.from(actual, (y, i) => y - predicted[i]);
}
