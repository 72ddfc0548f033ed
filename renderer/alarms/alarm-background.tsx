import { useEffect } from 'react';
import { startAlarmFeed } from './alarm-feed';
import { useEscalationNotices } from './use-escalation-notices';

/**
 * The alarm feed and escalation notices for the whole session, whichever page
 * is shown: a new alarm sounds and a supervisor is told of an overdue one on
 * the wall or the map as much as on the alarm page.
 */
export function AlarmBackground() {
  useEffect(() => startAlarmFeed(), []);
  useEscalationNotices();
  return null;
}
