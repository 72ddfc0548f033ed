import { FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Modal, Select, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnergyKind, Meter } from '../../core/contract';
import { savePdf } from '../../export/pdf';
import '../../export/printed-report.css';
import { describeError } from '../../core/errors';
import { useNow } from '../../core/use-now';
import { downloadCsv } from '../../export/csv';
import { formatMoney } from '../cost-chart';
import { EChart } from '../echart';
import { energyRows, formatAmount, formatChange, siteDateTime, unitLabel } from '../energy-rows';
import { reportChartOption } from './report-chart';
import { kindsOf, monthTotals, reportCsv, useMonthlyReport, type KindReport } from './report-data';
import './report.css';

/**
 * The monthly energy report of a building (能耗月报): each kind's month by
 * days with 环比 and 同比, its meters, and the anomalies found; printed to
 * PDF by Chromium from this page (print CSS leaves the report alone on an
 * A4 page, with the app's own fonts) or saved as CSV.
 */
export function MonthlyReport({ meters, building: initial, onClose }: { meters: readonly Meter[]; building: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const buildings = useMemo(() => [...new Set(meters.map((meter) => meter.building))], [meters]);
  const [building, setBuilding] = useState(initial ?? buildings[0] ?? '');
  // The last month that has ended: a monthly report is of a whole month.
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const kinds = useMemo(() => kindsOf(meters.filter((meter) => meter.building === building).map((meter) => meter.kind)), [meters, building]);
  const monthText = month.format('YYYY-MM');
  const report = useMonthlyReport(building, kinds, monthText);
  const fileName = `${building}-${monthText}`;
  const now = useNow(60_000);
  const kindName = (kind: EnergyKind) => t(`energy.kinds.${kind}`);
  const exportCsv = () =>
    report.kinds &&
    downloadCsv(
      [reportCsv(report.kinds, { date: t('energy.columns.time'), meter: t('energy.report.meter'), total: t('energy.report.total'), unit: t('energy.report.unit'), previous: t('energy.previous'), lastYear: t('energy.lastYear'), kind: kindName })],
      `${fileName}.csv`,
    );

  return (
    <Modal
      open
      width={980}
      onCancel={onClose}
      title={t('energy.report.title')}
      className="energy-report-dialog printed-report-dialog"
      footer={
        <Space>
          <Button icon={<FileTextOutlined />} onClick={exportCsv} disabled={!report.kinds} data-testid="report-csv">
            {t('energy.report.csv')}
          </Button>
          <Button type="primary" icon={<FilePdfOutlined />} onClick={() => void savePdf(`${fileName}.pdf`)} disabled={!report.kinds} data-testid="report-pdf">
            {t('energy.report.pdf')}
          </Button>
        </Space>
      }
    >
      <Space className="energy-report-choice">
        <Select value={building} onChange={setBuilding} options={buildings.map((name) => ({ value: name, label: name }))} style={{ width: 200 }} data-testid="report-building" />
        <DatePicker picker="month" value={month} onChange={(value) => value && setMonth(value)} allowClear={false} data-testid="report-month" />
      </Space>
      {report.error && <Alert type="error" showIcon title={describeError(t, report.error)} />}
      {!report.kinds ? (
        <Spin className="page-spinner" />
      ) : (
        <article className="energy-report printed-report" data-testid="energy-report">
          <header>
            <h1>{t('energy.report.heading', { building, month: monthText })}</h1>
            <p>{t('energy.report.generated', { at: siteDateTime(now, report.kinds[0]?.series.timeZone ?? 'Asia/Shanghai'), zone: report.kinds[0]?.series.timeZone })}</p>
          </header>
          <table className="energy-report-summary">
            <thead>
              <tr>
                <th>{t('energy.report.kind')}</th>
                <th>{t('energy.report.total')}</th>
                <th>{t('energy.previous')}</th>
                <th>{t('energy.columns.change')}</th>
                <th>{t('energy.lastYear')}</th>
                <th>{t('energy.report.yoy')}</th>
                <th>{t('energy.report.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {report.kinds.map(({ kind, series, cost }) => {
                const totals = monthTotals(series);
                const unit = unitLabel(series.unit);
                return (
                  <tr key={kind}>
                    <td>{kindName(kind)}</td>
                    <td>{`${formatAmount(totals.total)} ${unit}`}</td>
                    <td>{totals.previous === null ? '—' : `${formatAmount(totals.previous)} ${unit}`}</td>
                    <td>{formatChange(totals.mom)}</td>
                    <td>{totals.lastYear === null ? '—' : `${formatAmount(totals.lastYear)} ${unit}`}</td>
                    <td>{formatChange(totals.yoy)}</td>
                    <td>{cost === null ? '—' : formatMoney(cost, i18n.language)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {report.kinds.map((kindReport) => (
            <KindSection key={kindReport.kind} report={kindReport} name={kindName(kindReport.kind)} />
          ))}
          <section>
            <h2>{t('energy.report.anomalies')}</h2>
            {report.anomalies.length === 0 ? (
              <p>{t('energy.report.noAnomalies')}</p>
            ) : (
              <ul>
                {report.anomalies.map((anomaly) => (
                  <li key={anomaly.alarm}>{`${anomaly.period.date} · ${anomaly.name} · ${t(`energy.report.anomalyKinds.${anomaly.kind}`)}`}</li>
                ))}
              </ul>
            )}
          </section>
          <footer>{t('energy.report.source')}</footer>
        </article>
      )}
    </Modal>
  );
}

function KindSection({ report, name }: { report: KindReport; name: string }) {
  const { t } = useTranslation();
  const unit = unitLabel(report.series.unit);
  const option = useMemo(
    () => reportChartOption(energyRows(report.series, '1d'), { current: t('energy.current'), previous: t('energy.previous'), lastYear: t('energy.lastYear'), unit }),
    [report.series, t, unit],
  );
  const total = report.series.total;
  return (
    <section className="energy-report-kind">
      <h2>{name}</h2>
      <EChart option={option} height={200} testId={`report-chart-${report.kind}`} />
      <table>
        <thead>
          <tr>
            <th>{t('energy.report.meter')}</th>
            <th>{t('energy.report.total')}</th>
            <th>{t('energy.report.share')}</th>
          </tr>
        </thead>
        <tbody>
          {report.meters.map((meter) => (
            <tr key={meter.key}>
              <td>{meter.label}</td>
              <td>{`${formatAmount(meter.amount)} ${unit}`}</td>
              <td>{total > 0 ? `${((meter.amount / total) * 100).toFixed(1)}%` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
