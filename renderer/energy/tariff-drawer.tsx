import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, InputNumber, Select, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import { bandTable, TARIFF_BANDS, type BandHours, type Tariff } from '../core/contract';
import { describeError } from '../core/errors';
import { BAND_COLOURS } from './cost-chart';
import { energyKeys, useTariff } from './queries';

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Why the spans do not make a day, in the window's language; null when they do. */
function spansProblem(t: TFunction, spans: readonly Partial<BandHours>[]): string | null {
  if (spans.some((span) => !span?.band || span.from === undefined || span.from === null || span.to === undefined || span.to === null)) return null;
  const table = bandTable(spans as BandHours[]);
  if ('bands' in table) return null;
  const at = { from: hh(table.hour), to: hh(table.hour + 1) };
  return table.between ? t('energyCost.tariff.overlap', { ...at, first: t(`energyCost.bands.${table.between[0]}`), second: t(`energyCost.bands.${table.between[1]}`) }) : t('energyCost.tariff.gap', at);
}

/** The 24 hours of the site's day in the colours of their bands, as the spans now say; an hour in no span stays dark. */
function DayStrip({ spans }: { spans: readonly Partial<BandHours>[] }) {
  const { t } = useTranslation();
  const band = Array.from({ length: 24 }, (_, hour) => spans.find((span) => span?.band && span.from !== undefined && span.to !== undefined && (span.from < span.to ? hour >= span.from && hour < span.to : hour >= span.from || hour < span.to))?.band);
  return (
    <div className="tariff-strip" data-testid="tariff-strip">
      {band.map((name, hour) => (
        <div key={hour} className="tariff-hour" title={`${hh(hour)} ${name ? t(`energyCost.bands.${name}`) : '—'}`} style={{ background: name ? BAND_COLOURS[name] : undefined }}>
          {hour % 3 === 0 ? hour : ''}
        </div>
      ))}
    </div>
  );
}

/**
 * The site's tariffs (峰谷平): spans of the site's day with a price per
 * band, and water and gas per m³. Property managers change them and every
 * station takes the change; everyone else who sees energy reads them here.
 */
export function TariffDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = usePermission('energy.control');
  const tariff = useTariff();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Tariff>();
  const spans = (Form.useWatch(['electricity', 'spans'], form) ?? []) as Partial<BandHours>[];
  const problem = spansProblem(t, spans);
  const save = useMutation({
    mutationFn: (fields: Tariff) => core.call('energy.saveTariff', { ...fields, currency: 'CNY' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: energyKeys.all });
      void message.success(t('energyCost.tariff.saved'));
      onClose();
    },
  });
  const record = tariff.data;
  const price = (name: (string | number)[], label: string, testId: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={0} max={1000} step={0.01} precision={2} style={{ width: 120 }} data-testid={testId} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('energyCost.tariff.title')}
      size={560}
      destroyOnHidden
      data-testid="tariff-drawer"
      extra={
        canEdit && (
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} disabled={!!problem} data-testid="tariff-save">
            {t('energyCost.tariff.save')}
          </Button>
        )
      }
    >
      {!canEdit && <Alert type="info" showIcon title={t('energyCost.tariff.readOnly')} className="tariff-note" />}
      {save.error && <Alert type="error" showIcon title={describeError(t, save.error)} className="tariff-note" data-testid="tariff-error" />}
      {record && (
        <Typography.Paragraph type="secondary">
          {record.updatedAt === 0 ? t('energyCost.tariff.seeded') : t('energyCost.tariff.updated', { user: record.updatedBy, time: dayjs(record.updatedAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Paragraph>
      )}
      {/* Filled when the drawer opens (or once the tariffs arrive), never while someone edits: the tariffs are read again whenever readings come in. */}
      <Form key={record ? 'loaded' : 'loading'} initialValues={record ?? undefined} form={form} layout="vertical" disabled={!canEdit} className={canEdit ? undefined : 'tariff-readonly'} requiredMark={false} onFinish={(fields) => !problem && save.mutate(fields)}>
        <Typography.Title level={5}>{t('energyCost.tariff.spans')}</Typography.Title>
        <DayStrip spans={spans} />
        <Form.List name={['electricity', 'spans']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" className="tariff-span" data-testid="tariff-span">
                  <Form.Item name={[field.name, 'band']} rules={[{ required: true }]}>
                    <Select style={{ width: 96 }} aria-label={t('energyCost.tariff.band')} options={TARIFF_BANDS.map((band) => ({ value: band, label: t(`energyCost.bands.${band}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'from']} rules={[{ required: true }]}>
                    <InputNumber min={0} max={23} precision={0} prefix={t('energyCost.tariff.from')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'to']} rules={[{ required: true }]}>
                    <InputNumber min={1} max={24} precision={0} prefix={t('energyCost.tariff.to')} style={{ width: 130 }} />
                  </Form.Item>
                  {canEdit && <Button type="text" icon={<DeleteOutlined />} aria-label={t('energyCost.tariff.remove')} onClick={() => remove(field.name)} />}
                </Space>
              ))}
              {canEdit && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ band: 'flat' })} data-testid="tariff-add-span">
                  {t('energyCost.tariff.addSpan')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        {problem && <Alert type="error" showIcon title={problem} className="tariff-note" data-testid="tariff-problem" />}
        <Typography.Paragraph type="secondary" className="tariff-hint">
          {t('energyCost.tariff.illustrative')}
        </Typography.Paragraph>
        <Typography.Title level={5}>{t('energyCost.tariff.prices')}</Typography.Title>
        <Space wrap>
          {TARIFF_BANDS.map((band) => (
            <span key={band}>{price(['electricity', 'prices', band], t(`energyCost.bands.${band}`), `tariff-price-${band}`)}</span>
          ))}
        </Space>
        <Space wrap>
          {price(['water', 'price'], t('energyCost.tariff.water'), 'tariff-price-water')}
          {price(['gas', 'price'], t('energyCost.tariff.gas'), 'tariff-price-gas')}
        </Space>
      </Form>
    </Drawer>
  );
}
