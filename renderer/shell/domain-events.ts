import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { bindAuditEvents } from '../audit/queries';
import { bindDeviceEvents } from '../devices/queries';
import { bindEnergyEvents } from '../energy/queries';
import { bindSavingEvents } from '../energy/saving/queries';
import { bindServiceEvents } from '../services/queries';
import { bindNoticeEvents } from '../notices/queries';
import { bindOrderEvents } from '../orders/queries';
import { bindIncidentEvents } from '../incidents/queries';
import { bindRuleEvents } from '../rules/queries';
import { bindSettingsEvents } from '../settings/queries';
import { bindUserEvents } from '../users/queries';
import { bindWarningEvents } from '../warnings/queries';

/**
 * Events mark cached data stale while signed in, whichever page is open, so
 * a page opened later never shows what changed while it was closed.
 */
export function useDomainEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const unbind = [bindDeviceEvents(queryClient), bindUserEvents(queryClient), bindAuditEvents(queryClient), bindSettingsEvents(queryClient), bindRuleEvents(queryClient), bindEnergyEvents(queryClient), bindSavingEvents(queryClient), bindServiceEvents(queryClient), bindNoticeEvents(queryClient), bindOrderEvents(queryClient), bindIncidentEvents(queryClient), bindWarningEvents(queryClient)];
    return () => unbind.forEach((off) => off());
  }, [queryClient]);
}
