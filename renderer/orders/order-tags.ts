import type { OrderPriority, OrderState } from '../core/contract';

export const PRIORITY_COLOR: Record<OrderPriority, string> = { urgent: 'red', high: 'orange', normal: 'blue', low: 'default' };
export const STATE_COLOR: Record<OrderState, string> = { new: 'magenta', assigned: 'gold', accepted: 'cyan', in_progress: 'processing', completed: 'green', closed: 'default', cancelled: 'default' };
