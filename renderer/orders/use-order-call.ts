import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import type { OrderDetail } from '../core/contract';
import { describeError } from '../core/errors';
import { orderKeys } from './queries';

type OrderCall = 'orders.assign' | 'orders.prioritise' | 'orders.end' | 'orders.work' | 'orders.note' | 'orders.resident' | 'orders.create';

/** Runs one order call; the answer is the order as it now stands, shown at once; a refusal is said in words. */
export function useOrderCall() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, input }: { method: OrderCall; input: unknown }) => core.call(method, input as never) as Promise<OrderDetail>,
    onSuccess: (order) => {
      queryClient.setQueryData(orderKeys.detail(order.id), order);
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    },
    onError: (error) => message.error({ content: describeError(t, error), key: 'order-error', duration: 8 }),
  });
}
