import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures } from '../../core/contract';
import { savePdf } from '../../export/pdf';
import '../../export/printed-report.css';
import { EChart } from '../../energy/echart';
import { availabilityOption, responseOption } from './charts';
import { ChartOrNothing } from './chart-or-nothing';
import { percentText } from './period';
import { TimesTable } from './times-table';
import { verdictValue } from './verdicts';
import './sla-report.css';

/**
 * The SLA report of a period (服务水平报告): the verdicts against the
 * targets, the trends, the times and the worst units, laid out for an A4
 * page; print CSS leaves it alone on the page, so Chromium's PDF is the report.
 */
export function SlaReport({ figures, onClose }: { figures: Figures; onClose: () => void }) {
  const { t } = useTranslation();
  const names = { link: t('opsFigures.charts.link'), cameras: t('opsFigures.charts.cameras'), devices: t('opsFigures.charts.devices') };
  const availability = useMemo(() => availabilityOption(figures, names, true), [figures, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const response = useMemo(() => responseOption(figures, { p50: t('opsFigures.charts.p50'), p90: t('opsFigures.charts.p90') }, true), [figures, t]);
  const span = t('opsFigures.range', { from: figures.days[0], to: figures.days.at(-1), zone: figures.period.timeZone });
  const file = `sla-${figures.period.unit}-${figures.period.date}.pdf`;
  return (
    <Modal
      open
      width={900}
      onCancel={onClose}
      title={t('opsFigures.report')}
      className="sla-report-dialog printed-report-dialog"
      footer={
        <Button type="primary" icon={<FilePdfOutlined />} onClick={() => void savePdf(file)} data-testid="sla-pdf">
          {t('opsFigures.pdf')}
        </Button>
      }
    >
      <article className="sla-report printed-report" data-testid="sla-report">
        <header>
          <h1>{t('opsFigures.print.heading')}</h1>
          <p>
            {t(`opsFigures.periods.${figures.period.unit}`)} · {span}
          </p>
          <p>{t('opsFigures.print.generated', { at: dayjs().format('YYYY-MM-DD HH:mm') })}</p>
        </header>
        <table className="sla-verdicts">
          <thead>
            <tr>
              <th>{t('opsFigures.print.metric')}</th>
              <th>{t('opsFigures.targets')}</th>
              <th>{t('opsFigures.print.actual')}</th>
              <th>{t('opsFigures.print.result')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.verdicts.map((verdict) => (
              <tr key={verdict.key} className={verdict.met === false ? 'missed' : undefined}>
                <td>{t(`opsFigures.headline.${verdict.key}`)}</td>
                <td className="num">{verdictValue(verdict, verdict.target)}</td>
                <td className="num">{verdictValue(verdict, verdict.actual)}</td>
                <td>{t(verdict.met === null ? 'opsFigures.noData' : verdict.met ? 'opsFigures.met' : 'opsFigures.missed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('opsFigures.charts.availability')}</h2>
        <EChart option={availability} height={200} />
        <h2>{t('opsFigures.charts.response')}</h2>
        <ChartOrNothing empty={figures.alarms.perDay.every((day) => day.p50 === null)} height={60}>
          <EChart option={response} height={180} />
        </ChartOrNothing>
        <h2>{t('opsFigures.times.title')}</h2>
        <TimesTable figures={figures} />
        <h2>{t('opsFigures.worst.title')}</h2>
        <table className="sla-units">
          <thead>
            <tr>
              <th>{t('opsFigures.worst.device')}</th>
              <th>{t('opsFigures.worst.area')}</th>
              <th className="num">{t('opsFigures.worst.rate')}</th>
              <th className="num">{t('opsFigures.worst.outages')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.worstUnits.map((unit) => (
              <tr key={unit.code}>
                <td>
                  {unit.name} <span className="mono">{unit.code}</span>
                </td>
                <td>{unit.area}</td>
                <td className="num">{percentText(unit.pct)}</td>
                <td className="num">{unit.outages}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </Modal>
  );
}
