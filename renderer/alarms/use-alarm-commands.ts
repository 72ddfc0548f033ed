import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import { ContractError, type AlarmLinkage } from '../core/contract';
import { describeError } from '../core/errors';
import type { AlarmEntry } from './alarm-entry';
import { acceptAlarm } from './alarm-feed';
import type { AlarmAction } from './alarm-rules';
import { linkedCamerasToWall } from './linked-to-wall';

export const linkageKey = (id: string) => ['alarms', 'linkage', id] as const;

export const fetchLinkage = (queryClient: QueryClient, id: string): Promise<AlarmLinkage> =>
  queryClient.fetchQuery({ queryKey: linkageKey(id), queryFn: () => core.call('alarms.linkage', { id }) });

/** What an officer does to an alarm, from a button or a key, each with its message. */
export function useAlarmCommands() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canHandle = usePermission('alarms.handle');

  const act = async (alarm: AlarmEntry, action: AlarmAction, note?: string): Promise<boolean> => {
    try {
      acceptAlarm(await core.call('alarms.act', { id: alarm.id, action, ...(note?.trim() ? { note: note.trim() } : {}) }));
      void message.success(t(`alarms.acted.${action}`));
      return true;
    } catch (error) {
      // The core refuses to resolve or close before every step is done; say that rather than pass on its words.
      const unfinished = (action === 'resolve' || action === 'close') && error instanceof ContractError && error.code === 'conflict' && /procedure/i.test(error.message);
      void message.error(unfinished ? t('alarms.detail.resolveRefused') : describeError(t, error));
      return false;
    }
  };

  const step = async (alarm: AlarmEntry, index: number): Promise<void> => {
    try {
      acceptAlarm(await core.call('alarms.step', { id: alarm.id, step: index }));
    } catch (error) {
      void message.error(describeError(t, error));
    }
  };

  const toWall = async (alarm: AlarmEntry): Promise<void> => {
    try {
      const { cameras } = await fetchLinkage(queryClient, alarm.id);
      if (cameras.length === 0) void message.info(t('alarms.linkage.noCamera'));
      else void message.success(t('alarms.linkage.onWall', { count: linkedCamerasToWall(cameras) }));
    } catch (error) {
      void message.error(describeError(t, error));
    }
  };

  return { canHandle, act, step, toWall };
}
