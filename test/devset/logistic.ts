// Plain L2-regularised logistic regression on sparse rows, fitted by full-batch gradient descent with a
// per-weight (Adagrad) step: deterministic (no sampling, a fixed number of passes), so that the same rows
// always give the same weights and a figure can be reproduced exactly.

/** One example: the indices of its non-zero features and their values, in the same order. */
export interface SparseRow {
  indices: readonly number[];
  values: readonly number[];
}

export interface LogisticOptions {
  /** Inverse regularisation strength, as in the usual formulation: loss summed over rows + ‖w‖² / (2C). */
  c: number;
  /** Full passes over the rows. */
  iterations: number;
  /** Base step of the Adagrad update. */
  learningRate: number;
}

export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

export const DEFAULT_LOGISTIC: LogisticOptions = { c: 1, iterations: 500, learningRate: 0.5 };

/** Fits weights over `dimensions` features that minimise the regularised log loss of `labels` given `rows`. */
export function fitLogistic(rows: readonly SparseRow[], labels: readonly boolean[], dimensions: number, options: LogisticOptions = DEFAULT_LOGISTIC): LogisticModel {
  if (rows.length !== labels.length) throw new Error(`${rows.length} rows but ${labels.length} labels`);
  const weights = new Float64Array(dimensions);
  const gradient = new Float64Array(dimensions);
  const squares = new Float64Array(dimensions);
  let bias = 0;
  let biasSquares = 0;
  const lambda = 1 / options.c;
  for (let pass = 0; pass < options.iterations; pass++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let r = 0; r < rows.length; r++) {
      const error = probability({ weights, bias }, rows[r]) - (labels[r] ? 1 : 0);
      const { indices, values } = rows[r];
      for (let k = 0; k < indices.length; k++) gradient[indices[k]] += error * values[k];
      biasGradient += error;
    }
    for (let j = 0; j < dimensions; j++) {
      const g = gradient[j] + lambda * weights[j];
      if (g === 0) continue;
      squares[j] += g * g;
      weights[j] -= (options.learningRate * g) / Math.sqrt(squares[j]);
    }
    biasSquares += biasGradient * biasGradient;
    if (biasGradient !== 0) bias -= (options.learningRate * biasGradient) / Math.sqrt(biasSquares);
  }
  return { weights, bias };
}

/** The model's probability that `row` is positive. */
export function probability(model: LogisticModel, row: SparseRow): number {
  let z = model.bias;
  for (let k = 0; k < row.indices.length; k++) z += model.weights[row.indices[k]] * row.values[k];
  return 1 / (1 + Math.exp(-z));
}

/** The regularised objective the fit minimises; lower is better. */
export function objective(model: LogisticModel, rows: readonly SparseRow[], labels: readonly boolean[], c: number): number {
  let loss = 0;
  for (let r = 0; r < rows.length; r++) {
    const p = Math.min(Math.max(probability(model, rows[r]), 1e-15), 1 - 1e-15);
    loss -= labels[r] ? Math.log(p) : Math.log(1 - p);
  }
  let norm = 0;
  for (const w of model.weights) norm += w * w;
  return loss + norm / (2 * c);
}
