import { Alert, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../core/contract';
import { CommandDialog, type CommandSpec } from '../device-control/command-dialog';
import { PartitionChip, ZoneChip } from './zone-chip';
import { ZONE_COMMAND_TTL_SECONDS, ZONE_COMMANDS, partitionState, planPartition, zoneView, type ZoneAction } from './zone-state';

const PRESETS = ['patrol', 'falseAlarm', 'works', 'hours'] as const;

/** A reason goes with every command that has one, required or not: the audit trail keeps it. */
function zoneCommand(command: string, reason: string): CommandSpec {
  const params: Record<string, string> = {};
  if (reason) params.reason = reason;
  return { command, params, ttlSeconds: ZONE_COMMAND_TTL_SECONDS };
}

type Shared = { open: boolean; onClose(): void; afterClose(): void };

function usePresets(): string[] {
  const { t } = useTranslation();
  return PRESETS.map((preset) => t(`intrusion.confirm.presets.${preset}`));
}

/** Arm, disarm, bypass or unbypass one zone. */
export function ZoneDialog({ zone, action, ...shared }: Shared & { zone: Device; action: ZoneAction }) {
  const { t } = useTranslation();
  const presets = usePresets();
  const { command, needsReason } = ZONE_COMMANDS[action];
  return (
    <CommandDialog
      {...shared}
      testId="zone-command"
      title={t(`intrusion.confirm.zoneTitle.${action}`)}
      targets={[{ code: zone.code, name: zone.name }]}
      reasonRequired={needsReason}
      presets={presets}
      placeholder={t('intrusion.confirm.reasonPlaceholder')}
      okText={t(`intrusion.actions.${action}`)}
      danger={action === 'disarm' || action === 'bypass'}
      build={(reason) => zoneCommand(command, reason)}
      details={
        <Descriptions size="small" column={1} className="command-target">
          <Descriptions.Item label={t('intrusion.confirm.zone')}>
            {zone.name} <span className="mono dim">{zone.code}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('intrusion.confirm.place')}>{[zone.area, zone.building, zone.floor].filter(Boolean).join(' / ')}</Descriptions.Item>
          <Descriptions.Item label={t('intrusion.confirm.state')}>
            <ZoneChip view={zoneView(zone)} status={zone.status} />
          </Descriptions.Item>
        </Descriptions>
      }
      notice={
        <>
          {action === 'bypass' && <Alert type="warning" showIcon title={t('intrusion.confirm.bypassWarning')} />}
          <Alert type="info" title={t('intrusion.confirm.audited', { ttl: ZONE_COMMAND_TTL_SECONDS })} className="command-audited" />
        </>
      }
    />
  );
}

const listNames = (zones: Device[], language: string) => zones.map((zone) => zone.name).join(language === 'zh-CN' ? '、' : ', ');

/**
 * Arm or disarm a partition: a command to each zone on line that needs one.
 * The plan is taken when the dialog opens, so what it reported skipping is
 * what was skipped, however the zones change meanwhile.
 */
export function PartitionDialog({ name, zones, action, ...shared }: Shared & { name: string; zones: Device[]; action: 'arm' | 'disarm' }) {
  const { t, i18n } = useTranslation();
  const names = (zones: Device[]) => listNames(zones, i18n.language);
  const presets = usePresets();
  const [plan] = useState(() => planPartition(zones, action));
  const { command, needsReason } = ZONE_COMMANDS[action];
  return (
    <CommandDialog
      {...shared}
      testId="partition-command"
      title={t(`intrusion.confirm.partitionTitle.${action}`)}
      targets={plan.send.map((zone) => ({ code: zone.code, name: zone.name }))}
      reasonRequired={needsReason}
      presets={presets}
      placeholder={t('intrusion.confirm.reasonPlaceholder')}
      okText={t(`intrusion.actions.${action}`)}
      danger={action === 'disarm'}
      build={(reason) => zoneCommand(command, reason)}
      details={
        <Descriptions size="small" column={1} className="command-target">
          <Descriptions.Item label={t('intrusion.confirm.partition')}>
            {name} <PartitionChip state={partitionState(zones)} />
          </Descriptions.Item>
        </Descriptions>
      }
      notice={
        <>
          <div className="partition-plan" data-testid="partition-plan" data-send={plan.send.length} data-offline={plan.offline.length}>
            <Typography.Text strong>{plan.send.length ? t('intrusion.confirm.willSend', { count: plan.send.length }) : t('intrusion.confirm.nothing')}</Typography.Text>
            {plan.already.length > 0 && <Typography.Text type="secondary">{t('intrusion.confirm.already', { count: plan.already.length })}</Typography.Text>}
            {plan.bypassed.length > 0 && <Typography.Text type="warning">{t('intrusion.confirm.bypassed', { names: names(plan.bypassed) })}</Typography.Text>}
            {plan.offline.length > 0 && (
              <Typography.Text type="danger" data-testid="partition-offline">
                {t('intrusion.confirm.offline', { names: names(plan.offline) })}
              </Typography.Text>
            )}
          </div>
          <Alert type="info" title={t('intrusion.confirm.audited', { ttl: ZONE_COMMAND_TTL_SECONDS })} className="command-audited" />
        </>
      }
      sentNote={(entries) => (
        <div className="partition-plan" data-testid="partition-sent">
          <Typography.Text strong>{t('intrusion.confirm.sent', { sent: entries.filter((entry) => entry.id).length, offline: plan.offline.length })}</Typography.Text>
          {plan.offline.length > 0 && <Typography.Text type="danger">{t('intrusion.confirm.skipped', { names: names(plan.offline) })}</Typography.Text>}
        </div>
      )}
    />
  );
}
