/**
 * A meter's weekly profile: for every hour of the week, the median of what
 * it used in that hour over the last weeks, and the spread around it as a
 * robust standard deviation (1.4826 × the median absolute deviation).
 *
 * Why median and MAD: a week's profile has to survive the weeks it learns
 * from. A public holiday, a week of a meter fault or last week's overuse is
 * one value of eight in each hour's sample; a mean and a standard deviation
 * are dragged by every one of them (and would learn the overuse as normal
 * within days), while the median and the MAD ignore up to half of the
 * sample being odd. Hours of the week rather than hours of the day, because
 * an office's Saturday is not its Monday.
 */

export const WEEK_MS = 7 * 86_400_000;
/** MAD × 1.4826 estimates the standard deviation of normally spread values. */
const MAD_TO_SIGMA = 1.4826;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export type HourExpectation = { median: number; sigma: number };

/**
 * What the profile expects in each hour starting at `hours`, from the same
 * hour 1…weeks weeks before in `used` (hour start → amount; an hour without
 * a row used nothing). Across a daylight-saving change the week before is
 * 168 hours back and so an hour off for that one week, which the median
 * absorbs.
 */
export function expectations(hours: readonly number[], used: ReadonlyMap<number, number>, weeks: number): HourExpectation[] {
  return hours.map((hour) => {
    const sample = Array.from({ length: weeks }, (_, back) => used.get(hour - (back + 1) * WEEK_MS) ?? 0);
    const middle = median(sample);
    return { median: middle, sigma: MAD_TO_SIGMA * median(sample.map((value) => Math.abs(value - middle))) };
  });
}

/**
 * Whether a span of hours used well above its profile: its total above
 * ratio × the profile's and more than robustZ robust standard deviations of
 * the total (the hours' spreads added as independent). Summing over the day
 * lets a sustained overuse stand out while one busy hour does not.
 */
export function overProfile(actual: readonly number[], expected: readonly HourExpectation[], limits: { ratio: number; robustZ: number }): { total: number; usual: number } | null {
  const total = actual.reduce((sum, amount) => sum + amount, 0);
  const usual = expected.reduce((sum, hour) => sum + hour.median, 0);
  const spread = Math.sqrt(expected.reduce((sum, hour) => sum + hour.sigma ** 2, 0));
  // A profile that expects nothing cannot say what too much is.
  if (usual <= 0) return null;
  return total > usual * limits.ratio && total - usual > limits.robustZ * spread ? { total, usual } : null;
}
