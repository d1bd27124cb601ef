// The series-level key-driver design: an outcome and drivers on one period grid, each driver shifted by its own lag.

/**
 * Columns [driver 1, …, driver p, outcome] on the outcome's grid: row t holds outcome[t] and driver j's value
 * lags[j] periods earlier (the driver leading the outcome, as in the correlation test), NaN where that period is
 * before the grid starts. Rows with a gap anywhere drop out later, as incomplete.
 */
export function laggedDesign(outcome: Float64Array, drivers: readonly Float64Array[], lags: readonly number[]): Float64Array[] {
  if (lags.length !== drivers.length) throw new RangeError(`${drivers.length} drivers but ${lags.length} lags.`);
  const length = outcome.length;
  const columns = drivers.map((driver, j) => {
    const lag = lags[j]!;
    if (!Number.isInteger(lag) || lag < 0) throw new RangeError(`A lag must be a whole number of periods ≥ 0, got ${lag}.`);
    if (driver.length !== length) throw new RangeError('Every driver must lie on the outcome’s period grid.');
    const shifted = new Float64Array(length).fill(Number.NaN);
    shifted.set(driver.subarray(0, Math.max(0, length - lag)), Math.min(lag, length));
    return shifted;
  });
  return [...columns, outcome];
}
