import { ExportOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Progress, Radio, Select, Space, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import { DATA_CLASSES, OPEN_DATA_FORMATS, OPEN_DATA_KINDS, type DataClass, type OpenDataExport } from '../core/contract';
import { useCoreFile } from '../core/use-core-file';

type Kind = (typeof OPEN_DATA_KINDS)[number];
type Format = (typeof OPEN_DATA_FORMATS)[number];

/**
 * The export form: what, when, which classes, and personal data masked or
 * in full. A role without the permission for full personal data sees the
 * choice disabled with the reason; the core checks it again and audits.
 */
export function ExportForm() {
  const { t } = useTranslation();
  const mayFull = usePermission('openData.personal');
  const [kind, setKind] = useState<Kind>('events');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(7, 'day').startOf('day'), dayjs().endOf('minute')]);
  const [area, setArea] = useState('');
  const [classes, setClasses] = useState<DataClass[]>(['public', 'internal', 'personal']);
  const [personal, setPersonal] = useState<'masked' | 'full'>('masked');
  const [format, setFormat] = useState<Format>('csv');
  const [job, setJob] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const { busy, result, start } = useCoreFile<OpenDataExport>();
  useEffect(() => core.on('openData.progress', (event) => event.job === job && setProgress({ done: event.done, total: event.total })), [job]);

  const run = async () => {
    const name = crypto.randomUUID();
    setJob(name);
    setProgress(null);
    await start(() =>
      core.call('openData.export', {
        job: name,
        kind,
        format,
        from: range[0].valueOf(),
        to: range[1].valueOf(),
        ...(area.trim() ? { area: area.trim() } : {}),
        classes,
        personal: classes.includes('personal') ? personal : 'masked',
      }),
    );
    setJob(null);
  };

  return (
    <Card title={t('openData.exportTitle')} size="small" data-testid="open-data-export">
      <Typography.Paragraph type="secondary">{t('openData.exportHint')}</Typography.Paragraph>
      <Form layout="horizontal" labelCol={{ flex: '96px' }} labelAlign="left" colon={false}>
        <Form.Item label={t('openData.kind')}>
          <Radio.Group optionType="button" value={kind} onChange={(event) => setKind(event.target.value as Kind)} options={OPEN_DATA_KINDS.map((value) => ({ value, label: t(`openData.kinds.${value}`) }))} data-testid="open-data-kind" />
        </Form.Item>
        <Form.Item label={t('openData.range')} extra={t('openData.rangeHint')}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowClear={false}
            value={range}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
            data-testid="open-data-range"
          />
        </Form.Item>
        <Form.Item label={t('openData.area')}>
          <Input value={area} onChange={(event) => setArea(event.target.value)} placeholder={t('openData.areaPlaceholder')} style={{ width: 200 }} allowClear data-testid="open-data-area" />
        </Form.Item>
        <Form.Item label={t('openData.classes')}>
          <Checkbox.Group value={classes} onChange={(value) => setClasses(value)} options={DATA_CLASSES.map((value) => ({ value, label: t(`openData.classNames.${value}`) }))} data-testid="open-data-classes" />
        </Form.Item>
        <Form.Item label={t('openData.personal')}>
          <Radio.Group value={personal} onChange={(event) => setPersonal(event.target.value as 'masked' | 'full')} disabled={!classes.includes('personal')} data-testid="open-data-personal">
            <Radio value="masked">{t('openData.masked')}</Radio>
            <Tooltip title={mayFull ? null : t('openData.fullDenied')}>
              <Radio value="full" disabled={!mayFull} data-testid="open-data-full">
                {t('openData.full')}
              </Radio>
            </Tooltip>
          </Radio.Group>
          {!mayFull && (
            <Typography.Text type="secondary" className="open-data-denied" data-testid="open-data-full-denied">
              {t('openData.fullDenied')}
            </Typography.Text>
          )}
        </Form.Item>
        {mayFull && personal === 'full' && classes.includes('personal') && <Alert type="warning" showIcon title={t('openData.fullWarning')} style={{ marginBottom: 16 }} />}
        <Form.Item label={t('openData.format')}>
          <Select value={format} onChange={setFormat} options={OPEN_DATA_FORMATS.map((value) => ({ value, label: t(`openData.formats.${value}`) }))} style={{ width: 240 }} data-testid="open-data-format" />
        </Form.Item>
      </Form>
      <Space wrap>
        <Button type="primary" icon={<ExportOutlined />} loading={busy} disabled={!classes.length} onClick={() => void run()} data-testid="open-data-start">
          {t('openData.start')}
        </Button>
        {busy && job && (
          <Button icon={<StopOutlined />} onClick={() => void core.call('openData.cancel', { job })} data-testid="open-data-cancel">
            {t('openData.cancel')}
          </Button>
        )}
        {busy && progress && progress.total > 0 && (
          <Space>
            <Progress percent={Math.floor((100 * progress.done) / progress.total)} size="small" style={{ width: 160 }} />
            <Typography.Text type="secondary">{t('openData.progress', progress)}</Typography.Text>
          </Space>
        )}
      </Space>
      {result && (
        <Typography.Paragraph className="open-data-result" data-testid="open-data-result" data-rows={result.rows} data-personal={result.personal} data-file={result.file}>
          {t('openData.done', { rows: result.rows, file: result.file, size: Math.max(1, Math.round(result.size / 1024)), personal: t(`openData.personalStates.${result.personal}`) })}
          <br />
          {t('openData.manifest')} <Typography.Text code copyable>{result.manifestSha256}</Typography.Text>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
