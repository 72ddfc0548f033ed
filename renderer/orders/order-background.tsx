import { useOrderEscalations } from './use-order-escalations';

/** Mounted for the whole signed-in session of a role told of late orders, whichever page is open. */
export function OrderBackground() {
  useOrderEscalations();
  return null;
}
