import { Alert, Card, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEVEL_NUMERALS, type IncidentFigures as Figures } from '../core/contract';
import { describeError } from '../core/errors';
import { useIncidentFigures } from './queries';

/** The last 30 days: how many, how many closed and how fast, by type and level; drills in their own card, never mixed in. */
export function IncidentFigures() {
  const { t } = useTranslation();
  const figures = useIncidentFigures();
  if (figures.error) return <Alert type="error" showIcon title={describeError(t, figures.error)} />;
  if (!figures.data) return null;
  return (
    <div className="incident-figures" data-testid="incident-figures">
      <div className="dim">{t('incidents.figuresView.period')}</div>
      <FigureCard title={t('incidents.figuresView.real')} set={figures.data.real} testId="figures-real" />
      <FigureCard title={t('incidents.figuresView.drills')} set={figures.data.drills} testId="figures-drills" />
    </div>
  );
}

function FigureCard({ title, set, testId }: { title: string; set: Figures['real']; testId: string }) {
  const { t } = useTranslation();
  const columns = (first: string) => [
    { title: first, dataIndex: 'label', key: 'label' },
    { title: t('incidents.figuresView.count'), dataIndex: 'count', key: 'count' },
    { title: t('incidents.figuresView.closed'), dataIndex: 'closed', key: 'closed' },
    { title: t('incidents.figuresView.meanToClose'), dataIndex: 'mean', key: 'mean' },
  ];
  const mean = (value: number | null) => (value === null ? '—' : value);
  return (
    <Card title={title} size="small" data-testid={testId}>
      <div className="incident-figures-stats">
        <Statistic title={t('incidents.figuresView.count')} value={set.count} />
        <Statistic title={t('incidents.figuresView.closed')} value={set.closed} />
        <Statistic title={t('incidents.figuresView.meanToClose')} value={mean(set.meanMinutesToClose)} />
      </div>
      <Table size="small" pagination={false} rowKey="label" columns={columns(t('incidents.figuresView.byType'))} dataSource={set.byType.map((row) => ({ label: t(`incidents.types.${row.type}`), count: row.count, closed: row.closed, mean: mean(row.meanMinutesToClose) }))} />
      <Table size="small" pagination={false} rowKey="label" columns={columns(t('incidents.figuresView.byLevel'))} dataSource={set.byLevel.map((row) => ({ label: t('incidents.level', { numeral: LEVEL_NUMERALS[row.level] }), count: row.count, closed: row.closed, mean: mean(row.meanMinutesToClose) }))} />
    </Card>
  );
}
