import { AimOutlined, FileTextOutlined, LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Segmented, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../auth/session-store';
import { core } from '../../core/client';
import type { Figures, FigurePeriod } from '../../core/contract';
import { describeError } from '../../core/errors';
import { EChart } from '../../energy/echart';
import { downloadCsv } from '../../export/csv';
import { useLanguage } from '../../i18n';
import { opsKeys } from '../keys';
import { availabilityOption, histogramOption, responseOption } from './charts';
import { hasNext, percentText, seconds, stepPeriod } from './period';
import { ChartOrNothing } from './chart-or-nothing';
import { SlaReport } from './sla-report';
import { TargetsDialog } from './targets-dialog';
import { TimesTable } from './times-table';
import { Verdicts } from './verdicts';
import './figures.css';

type Unit = Figures['worstUnits'][number];
type Slow = Figures['alarms']['slowest'][number];

/** 服务指标: what the station saw of the site's service in a day, week or month, against IT's targets. */
export function FiguresSection() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<FigurePeriod>('day');
  const today = dayjs().format('YYYY-MM-DD');
  const [at, setAt] = useState(today);
  const [printing, setPrinting] = useState(false);
  const [editingTargets, setEditingTargets] = useState(false);
  const canSetTargets = usePermission('ops.targets');
  const { message } = App.useApp();
  const language = useLanguage((state) => state.language);
  const figures = useQuery({ queryKey: [...opsKeys.all, 'figures', period, at], queryFn: () => core.call('ops.figures', { period, at }), placeholderData: (previous) => previous });
  const data = figures.data;
  const exportCsv = async () => {
    try {
      const report = await core.call('ops.slaReport', { period, at, language });
      downloadCsv([report.csv], report.file);
    } catch (failure) {
      void message.error(describeError(t, failure));
    }
  };

  const names = { link: t('opsFigures.charts.link'), cameras: t('opsFigures.charts.cameras'), devices: t('opsFigures.charts.devices') };
  const availability = useMemo(() => data && availabilityOption(data, names), [data, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const response = useMemo(() => data && responseOption(data, { p50: t('opsFigures.charts.p50'), p90: t('opsFigures.charts.p90') }), [data, t]);
  const messageLatency = useMemo(() => data && histogramOption(data.latency.message, t('opsFigures.charts.latencyCount'), '#2f7cf6'), [data, t]);
  const alarmLatency = useMemo(() => data && histogramOption(data.latency.alarm, t('opsFigures.charts.latencyCount'), '#e8684a'), [data, t]);

  const unitColumns: TableColumnsType<Unit> = [
    { title: t('opsFigures.worst.device'), key: 'device', render: (_, unit) => <span title={unit.code}>{unit.name}</span>, ellipsis: true },
    { title: t('opsFigures.worst.kind'), key: 'kind', width: 110, render: (_, unit) => t(`devices.kinds.${unit.kind}` as 'devices.kinds.camera', { defaultValue: unit.kind }) },
    { title: t('opsFigures.worst.area'), dataIndex: 'area', width: 120, ellipsis: true },
    { title: t('opsFigures.worst.rate'), key: 'pct', width: 96, align: 'right', render: (_, unit) => <span className="mono">{percentText(unit.pct)}</span> },
    { title: t('opsFigures.worst.outages'), dataIndex: 'outages', width: 80, align: 'right' },
  ];
  const slowColumns: TableColumnsType<Slow> = [
    { title: t('opsFigures.slowest.type'), key: 'type', render: (_, slow) => t(`alarms.types.${slow.type}` as 'alarms.types.intrusion', { defaultValue: slow.type }) },
    { title: t('opsFigures.slowest.area'), dataIndex: 'area', ellipsis: true },
    { title: t('opsFigures.slowest.count'), dataIndex: 'count', width: 70, align: 'right' },
    { title: t('opsFigures.slowest.p50'), key: 'p50', width: 96, align: 'right', render: (_, slow) => <span className="mono">{seconds(slow.p50)} s</span> },
    { title: t('opsFigures.slowest.p90'), key: 'p90', width: 96, align: 'right', render: (_, slow) => <span className="mono">{seconds(slow.p90)} s</span> },
  ];

  return (
    <div className="ops-figures" data-testid="ops-figures">
      <div className="ops-figures-bar">
        <Segmented<FigurePeriod>
          value={period}
          onChange={setPeriod}
          options={(['day', 'week', 'month'] as const).map((value) => ({ value, label: t(`opsFigures.periods.${value}`) }))}
          data-testid="figures-period"
        />
        <Button icon={<LeftOutlined />} onClick={() => setAt(stepPeriod(period, at, -1))} aria-label={t('opsFigures.previous')} data-testid="figures-previous" />
        <Button icon={<RightOutlined />} onClick={() => setAt(stepPeriod(period, at, 1))} disabled={!hasNext(period, at, today)} aria-label={t('opsFigures.next')} data-testid="figures-next" />
        {data && (
          <Typography.Text className="mono" data-testid="figures-range">
            {t('opsFigures.range', { from: data.days[0], to: data.days.at(-1), zone: data.period.timeZone })}
          </Typography.Text>
        )}
        <Space className="ops-figures-actions">
          <Button icon={<FileTextOutlined />} onClick={() => void exportCsv()} disabled={!data} data-testid="figures-csv">
            {t('opsFigures.csv')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} disabled={!data} data-testid="figures-report">
            {t('opsFigures.report')}
          </Button>
          {canSetTargets && (
            <Button icon={<AimOutlined />} onClick={() => setEditingTargets(true)} data-testid="figures-targets">
              {t('opsFigures.targets')}
            </Button>
          )}
        </Space>
      </div>
      {figures.error && <Alert type="error" showIcon title={describeError(t, figures.error)} data-testid="figures-error" />}
      {!data ? (
        !figures.error && <Spin className="page-spinner" />
      ) : (
        <>
          <Verdicts verdicts={data.verdicts} />
          <div className="ops-figures-grid">
            <section className="panel">
              <div className="panel-head">{t('opsFigures.charts.availability')}</div>
              <EChart option={availability!} height={220} testId="figures-availability" />
            </section>
            <section className="panel">
              <div className="panel-head">{t('opsFigures.charts.response')}</div>
              <ChartOrNothing empty={data.alarms.perDay.every((day) => day.p50 === null)} height={220}>
                <EChart option={response!} height={220} testId="figures-response" />
              </ChartOrNothing>
            </section>
          </div>
          <div className="ops-figures-grid three">
            <section className="panel">
              <div className="panel-head">
                {t('opsFigures.charts.messageLatency')} · p50 {seconds(data.latency.message.p50)} s · p90 {seconds(data.latency.message.p90)} s
              </div>
              <ChartOrNothing empty={data.latency.message.count === 0} height={180}>
                <EChart option={messageLatency!} height={180} testId="figures-message-latency" />
              </ChartOrNothing>
            </section>
            <section className="panel">
              <div className="panel-head">
                {t('opsFigures.charts.alarmLatency')} · p50 {seconds(data.latency.alarm.p50)} s · p90 {seconds(data.latency.alarm.p90)} s
              </div>
              <ChartOrNothing empty={data.latency.alarm.count === 0} height={180}>
                <EChart option={alarmLatency!} height={180} testId="figures-alarm-latency" />
              </ChartOrNothing>
            </section>
            <section className="panel">
              <div className="panel-head">{t('opsFigures.times.title')}</div>
              <TimesTable figures={data} />
            </section>
          </div>
          <div className="ops-figures-grid">
            <section className="panel">
              <div className="panel-head">{t('opsFigures.worst.title')}</div>
              <Table<Unit> size="small" rowKey="code" columns={unitColumns} dataSource={data.worstUnits} pagination={false} locale={{ emptyText: t('opsFigures.worst.none') }} data-testid="figures-worst" />
            </section>
            <section className="panel">
              <div className="panel-head">{t('opsFigures.slowest.title')}</div>
              <Table<Slow> size="small" rowKey={(slow) => `${slow.type}/${slow.area}`} columns={slowColumns} dataSource={data.alarms.slowest} pagination={false} locale={{ emptyText: t('opsFigures.slowest.none') }} data-testid="figures-slowest" />
            </section>
          </div>
        </>
      )}
      {printing && data && <SlaReport figures={data} onClose={() => setPrinting(false)} />}
      {editingTargets && <TargetsDialog onClose={() => setEditingTargets(false)} />}
    </div>
  );
}

