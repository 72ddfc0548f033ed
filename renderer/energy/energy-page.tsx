import { DownloadOutlined, FileDoneOutlined, MoneyCollectOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Segmented, Select, Space, Statistic, Switch, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENERGY_KINDS, PERIOD_STEPS, type EnergyKind, type EnergyPeriodUnit, type EnergyStep } from '../core/contract';
import { describeError } from '../core/errors';
import { useNow } from '../core/use-now';
import { csvParts, downloadCsv } from '../export/csv';
import { PageToolbar } from '../shell/page-toolbar';
import { breakdownOption, trendOption } from './chart-options';
import { CostRow, useIntensityColumns } from './cost-row';
import { EChart } from './echart';
import { change, energyRows, formatAmount, formatChange, siteDateTime, totalsToDate, unitLabel, type EnergyRow } from './energy-rows';
import { MeterTable } from './meter-table';
import { MonthlyReport } from './report/monthly-report';
import { useBreakdown, useMeters, useSeries } from './queries';
import { TariffDrawer } from './tariff-drawer';
import './energy.css';

const PICKERS: Record<EnergyPeriodUnit, 'date' | 'week' | 'month' | 'year'> = { day: 'date', week: 'week', month: 'month', year: 'year' };

/** `#/energy?building=…&meter=…`: an alarm's detail opens the page on its meter. */
function scopeFromAddress(): { building: string | null; meter: string | null } {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  return { building: params.get('building'), meter: params.get('meter') };
}

/**
 * Energy management (能源管理): what the site, a building or a meter used
 * in a day, week, month or year, beside the period before (环比) and the
 * same period a year before (同比); where it went; and the meters' present
 * values. Every chart has its table, and the table exports as CSV.
 */
export function EnergyPage() {
  const { t } = useTranslation();
  const meters = useMeters();
  const [kind, setKind] = useState<EnergyKind>('electricity');
  const [scope, setScope] = useState(scopeFromAddress);
  const [unit, setUnit] = useState<EnergyPeriodUnit>('day');
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const [step, setStep] = useState<EnergyStep>('1h');
  const [compare, setCompare] = useState(true);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [brushed, setBrushed] = useState<number[]>([]);
  const [reporting, setReporting] = useState(false);
  const [tariffOpen, setTariffOpen] = useState(false);
  // A step begins at most a minute before the comparisons to date take it in.
  const now = useNow(60_000);

  const meter = meters.data?.find((entry) => entry.code === scope.meter) ?? null;
  // A meter chosen from an address shows its own kind.
  const shownKind = meter?.kind ?? kind;
  const buildings = useMemo(() => [...new Set(meters.data?.map((entry) => entry.building))], [meters.data]);
  const building = meter?.building ?? scope.building;
  const period = { unit, date: day.format('YYYY-MM-DD') };
  const request = {
    scope: meter ? { meter: meter.code } : building ? { building } : { site: true as const },
    kind: shownKind,
    period,
    step: PERIOD_STEPS[unit].includes(step) ? step : PERIOD_STEPS[unit][0]!,
    compare,
  };
  const series = useSeries(request);
  const breakdown = useBreakdown({ kind: shownKind, by: building ? 'floor' : 'building', ...(building ? { building } : {}), period });
  const rows = useMemo(() => (series.data ? energyRows(series.data, request.step) : []), [series.data, request.step]);
  const unitName = unitLabel(series.data?.unit);
  const labels = useMemo(() => ({ current: t('energy.current'), previous: t('energy.previous'), lastYear: t('energy.lastYear'), unit: unitName }), [t, unitName]);
  const trend = useMemo(() => trendOption(rows, labels, compare), [rows, labels, compare]);
  const intensityColumns = useIntensityColumns(shownKind, period, !building, unitName);

  const choose = (next: { building: string | null; meter: string | null }) => {
    setScope(next);
    setBrushed([]);
    history.replaceState(null, '', `#/energy${next.meter ? `?meter=${next.meter}` : next.building ? `?building=${encodeURIComponent(next.building)}` : ''}`);
  };
  const exportCsv = async () => {
    const columns = [
      { title: t('energy.columns.time'), value: (row: EnergyRow) => siteDateTime(row.start, series.data!.timeZone) },
      { title: `${labels.current} (${unitName})`, value: (row: EnergyRow) => row.amount.toFixed(3) },
      ...(compare
        ? [
            { title: `${labels.previous} (${unitName})`, value: (row: EnergyRow) => row.previous?.toFixed(3) },
            { title: `${labels.lastYear} (${unitName})`, value: (row: EnergyRow) => row.lastYear?.toFixed(3) },
          ]
        : []),
    ];
    const scopeName = meter?.name ?? building ?? t('energy.site');
    downloadCsv(await csvParts(rows, columns), `${t('energy.file')}-${scopeName}-${t(`energy.kinds.${shownKind}`)}-${period.date}.csv`);
  };

  const totals = series.data ? totalsToDate(series.data, now) : { total: 0, previous: null, lastYear: null };
  const total = totals.total;
  const brushedTotal = brushed.reduce((sum, index) => sum + (rows[index]?.amount ?? 0), 0);
  const columns: TableColumnsType<EnergyRow> = [
    { key: 'time', title: t('energy.columns.time'), dataIndex: 'label' },
    { key: 'amount', title: `${labels.current} (${unitName})`, align: 'right', render: (_, row) => formatAmount(row.amount) },
    ...(compare
      ? ([
          { key: 'previous', title: `${labels.previous} (${unitName})`, align: 'right', render: (_, row) => (row.previous === null ? '—' : formatAmount(row.previous)) },
          { key: 'lastYear', title: `${labels.lastYear} (${unitName})`, align: 'right', render: (_, row) => (row.lastYear === null ? '—' : formatAmount(row.lastYear)) },
          { key: 'change', title: t('energy.columns.change'), align: 'right', render: (_, row) => formatChange(change(row.amount, row.previous)) },
        ] satisfies TableColumnsType<EnergyRow>)
      : []),
  ];

  return (
    <div className="page energy-page" data-testid="page-energy">
      <PageToolbar title={t('nav.energy')}>
        <Segmented
          value={shownKind}
          options={ENERGY_KINDS.map((value) => ({ value, label: t(`energy.kinds.${value}`) }))}
          onChange={(value) => {
            setKind(value);
            if (meter) choose({ building: meter.building, meter: null });
          }}
          data-testid="energy-kind"
        />
        <Select
          className="energy-scope"
          value={building ?? ''}
          options={[{ value: '', label: t('energy.site') }, ...buildings.map((name) => ({ value: name, label: name }))]}
          onChange={(value: string) => choose({ building: value || null, meter: null })}
          data-testid="energy-building"
        />
        <Select
          className="energy-scope"
          value={meter?.code ?? ''}
          disabled={!building}
          options={[{ value: '', label: t('energy.allMeters') }, ...(meters.data ?? []).filter((entry) => entry.building === building && entry.kind === shownKind).map((entry) => ({ value: entry.code, label: entry.name }))]}
          onChange={(value: string) => choose({ building, meter: value || null })}
          data-testid="energy-meter"
        />
        <Segmented value={unit} options={(['day', 'week', 'month', 'year'] as const).map((value) => ({ value, label: t(`energy.periods.${value}`) }))} onChange={setUnit} data-testid="energy-period" />
        <DatePicker picker={PICKERS[unit]} value={day} allowClear={false} onChange={(value) => value && setDay(value)} disabledDate={(date) => date.isAfter(dayjs(), 'day')} data-testid="energy-date" />
        {PERIOD_STEPS[unit].length > 1 && (
          <Segmented value={request.step} options={PERIOD_STEPS[unit].map((value) => ({ value, label: t(`energy.steps.${value}`) }))} onChange={setStep} data-testid="energy-step" />
        )}
        <Space size={4}>
          <Switch size="small" checked={compare} onChange={setCompare} data-testid="energy-compare" />
          <Typography.Text>{t('energy.compare')}</Typography.Text>
        </Space>
        <Segmented value={view} options={[{ value: 'chart', label: t('energy.chart') }, { value: 'table', label: t('energy.table') }]} onChange={setView} data-testid="energy-view" />
        <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()} disabled={!rows.length} data-testid="energy-export">
          {t('energy.export')}
        </Button>
        <Button icon={<FileDoneOutlined />} onClick={() => setReporting(true)} disabled={!meters.data?.length} data-testid="energy-report-open">
          {t('energy.report.open')}
        </Button>
        <Button icon={<MoneyCollectOutlined />} onClick={() => setTariffOpen(true)} data-testid="energy-tariff">
          {t('energyCost.tariff.open')}
        </Button>
      </PageToolbar>
      {reporting && meters.data && <MonthlyReport meters={meters.data} building={building} onClose={() => setReporting(false)} />}
      {(series.error ?? meters.error) && <Alert type="error" showIcon title={describeError(t, series.error ?? meters.error)} />}
      <div className="energy-summary">
        <Statistic title={t('energy.total', { period: t(`energy.periods.${unit}`).toLowerCase() })} value={formatAmount(total)} suffix={unitName} data-testid="energy-total" data-value={total} />
        {compare && (
          <>
            <Statistic title={t('energy.previousChange')} value={formatChange(change(total, totals.previous))} data-testid="energy-previous-change" />
            <Statistic title={t('energy.lastYearChange')} value={formatChange(change(total, totals.lastYear))} data-testid="energy-last-year-change" />
          </>
        )}
        {brushed.length > 0 && <Statistic title={t('energy.brushed', { count: brushed.length })} value={formatAmount(brushedTotal)} suffix={unitName} data-testid="energy-brushed" />}
      </div>
      <div className="energy-panels">
        <Card size="small" className="energy-trend" title={meter ? meter.name : (building ?? t('energy.site'))}>
          {view === 'chart' ? (
            <EChart option={trend} height={320} onBrush={setBrushed} testId="energy-trend-chart" />
          ) : (
            <Table size="small" rowKey="start" columns={columns} dataSource={rows} pagination={false} scroll={{ y: 300 }} data-testid="energy-trend-table" />
          )}
        </Card>
        {!meter && (
          <Card size="small" className="energy-breakdown" title={t(building ? 'energy.byFloor' : 'energy.byBuilding')}>
            {view === 'chart' ? (
              <EChart option={breakdownOption(breakdown.data?.shares ?? [], unitName)} height={320} testId="energy-breakdown-chart" />
            ) : (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={breakdown.data?.shares ?? []}
                columns={[
                  { key: 'label', title: t(building ? 'energy.columns.floor' : 'energy.columns.building'), dataIndex: 'label' },
                  { key: 'amount', title: unitName, align: 'right', render: (_, share) => formatAmount(share.amount) },
                  ...intensityColumns,
                ]}
                data-testid="energy-breakdown-table"
              />
            )}
          </Card>
        )}
      </div>
      <CostRow scope={request.scope} kind={shownKind} period={period} building={building} unit={unitName} view={view} onOpen={(code, at) => choose({ building: at, meter: code })} />
      <TariffDrawer open={tariffOpen} onClose={() => setTariffOpen(false)} />
      <MeterTable meters={(meters.data ?? []).filter((entry) => entry.kind === shownKind && (!building || entry.building === building))} selected={meter?.code ?? null} onSelect={(code, at) => choose({ building: at, meter: code })} />
    </div>
  );
}
