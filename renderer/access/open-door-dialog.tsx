import { Alert, Descriptions, Form, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../core/contract';
import { CommandDialog } from '../device-control/command-dialog';
import { DoorChip } from './door-chip';
import { DOOR_COMMAND_TTL_SECONDS, OPEN_SECONDS, doorView, type OpenSeconds } from './door-state';

const PRESETS = ['visitor', 'delivery', 'maintenance', 'emergency'] as const;

/** Remote open: who asks, why and for how long, then the command's road to the door. */
export function OpenDoorDialog({ door, open, onClose, afterClose }: { door: Device; open: boolean; onClose(): void; afterClose(): void }) {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState<OpenSeconds>(5);
  const view = doorView(door);
  const place = [door.area, door.building, door.floor].filter(Boolean).join(' / ');
  return (
    <CommandDialog
      open={open}
      onClose={onClose}
      afterClose={afterClose}
      testId="open-door"
      title={t('access.open.title')}
      targets={[{ code: door.code, name: door.name }]}
      reasonRequired
      presets={PRESETS.map((preset) => t(`access.open.presets.${preset}`))}
      placeholder={t('access.open.reasonPlaceholder')}
      okText={t('access.open.confirm')}
      build={(reason) => ({ command: 'door.open', params: { reason, seconds }, ttlSeconds: DOOR_COMMAND_TTL_SECONDS })}
      details={
        <Descriptions size="small" column={1} className="command-target">
          <Descriptions.Item label={t('access.open.door')}>
            <span data-testid="open-door-name">{door.name}</span> <span className="mono dim">{door.code}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('access.open.place')}>{place}</Descriptions.Item>
          <Descriptions.Item label={t('access.open.state')}>
            <DoorChip view={view} status={door.status} />
          </Descriptions.Item>
        </Descriptions>
      }
      notice={
        <>
          {view === 'offline' && (
            <Alert type="warning" showIcon title={t('access.open.offline', { status: t(`devices.statuses.${door.status}`).toLocaleLowerCase() })} data-testid="open-door-offline" />
          )}
          <Alert type="info" title={t('access.open.audited', { ttl: DOOR_COMMAND_TTL_SECONDS })} className="command-audited" />
        </>
      }
      extra={
        <Form.Item label={t('access.open.seconds')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={seconds}
            onChange={(event) => setSeconds(event.target.value as OpenSeconds)}
            options={OPEN_SECONDS.map((value) => ({ value, label: t('access.open.secondsValue', { s: value }) }))}
            data-testid="open-door-seconds"
          />
        </Form.Item>
      }
    />
  );
}
