import { useQueries, useQuery } from '@tanstack/react-query';
import { core } from '../../core/client';
import { ENERGY_KINDS, type EnergyKind, type EnergySeries } from '../../core/contract';
import { csvLine, UTF8_BOM } from '../../export/csv';
import { change, siteDateTime } from '../energy-rows';
import { energyKeys } from '../queries';

export type KindReport = {
  kind: EnergyKind;
  series: EnergySeries;
  meters: { key: string; label: string; amount: number }[];
  /** What the month cost at the site's tariffs; null where the site has none. */
  cost: number | null;
};

/**
 * What a building's monthly report shows: for each kind its building has
 * meters of, the month by days beside the month before (环比) and the same
 * month a year before (同比), and each meter's total; and the anomalies
 * found in the month.
 */
export function useMonthlyReport(building: string, kinds: readonly EnergyKind[], month: string) {
  const period = { unit: 'month' as const, date: `${month}-01` };
  const perKind = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: [...energyKeys.all, 'report', building, kind, month],
      queryFn: async (): Promise<KindReport> => {
        const [series, breakdown, cost] = await Promise.all([
          core.call('energy.series', { scope: { building }, kind, period, step: '1d', compare: true }),
          core.call('energy.breakdown', { kind, by: 'meter', building, period }),
          core.call('energy.cost', { scope: { building }, kind, period }),
        ]);
        return { kind, series, meters: breakdown.shares, cost: cost.cost };
      },
    })),
  });
  const anomalies = useQuery({ queryKey: [...energyKeys.all, 'report-anomalies', building, month], queryFn: () => core.call('energy.anomalies', { period, building }) });
  const ready = perKind.every((query) => query.data) && !!anomalies.data;
  return {
    kinds: ready ? perKind.map((query) => query.data!) : null,
    anomalies: anomalies.data ?? [],
    error: perKind.find((query) => query.error)?.error ?? anomalies.error,
  };
}

/** The kinds in a fixed order, for the meters a building has. */
export const kindsOf = (present: Iterable<EnergyKind>) => {
  const set = new Set(present);
  return ENERGY_KINDS.filter((kind) => set.has(kind));
};

/** The totals of a kind's month and its comparisons (whole months: a report is of a month that has ended, or to date). */
export function monthTotals(series: EnergySeries) {
  return {
    total: series.total,
    previous: series.previous?.total ?? null,
    lastYear: series.lastYear?.total ?? null,
    mom: change(series.total, series.previous?.total),
    yoy: change(series.total, series.lastYear?.total),
  };
}

export type ReportCsvTitles = { date: string; meter: string; total: string; unit: string; previous: string; lastYear: string; kind: (kind: EnergyKind) => string };

/**
 * The report as CSV: a row per day with each kind's use and its comparisons,
 * then a row per meter with its month's total. Titles come translated.
 */
export function reportCsv(report: readonly KindReport[], titles: ReportCsvTitles): string {
  const header = [titles.date, ...report.flatMap(({ kind, series }) => [`${titles.kind(kind)} (${series.unit})`, `${titles.kind(kind)} ${titles.previous}`, `${titles.kind(kind)} ${titles.lastYear}`])];
  const days = report[0]?.series.points.length ?? 0;
  const lines = [UTF8_BOM, csvLine(header)];
  for (let index = 0; index < days; index++) {
    const first = report[0]!.series;
    lines.push(
      csvLine([
        siteDateTime(first.points[index]!.start, first.timeZone).slice(0, 10),
        ...report.flatMap(({ series }) => [series.points[index]?.amount.toFixed(3), series.previous?.points[index]?.amount.toFixed(3), series.lastYear?.points[index]?.amount.toFixed(3)]),
      ]),
    );
  }
  lines.push('\r\n', csvLine([titles.meter, titles.total, titles.unit]));
  for (const { series, meters } of report) for (const meter of meters) lines.push(csvLine([meter.label, meter.amount.toFixed(3), series.unit]));
  return lines.join('');
}
