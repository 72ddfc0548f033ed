import dayjs from 'dayjs';
import { useNow } from '../core/use-now';

/** Wall clock for the header; re-renders only itself. */
export function Clock() {
  const now = dayjs(useNow());
  return (
    <span className="header-clock mono" data-testid="clock">
      <span className="header-date">{now.format('YYYY-MM-DD ddd')}</span> {now.format('HH:mm:ss')}
    </span>
  );
}
