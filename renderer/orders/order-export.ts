import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { OrderSummary } from '../core/contract';
import { csvParts, downloadCsv, type CsvColumn, type CsvProgress } from '../export/csv';

const time = (at: number | null) => (at === null ? '' : dayjs(at).format('YYYY-MM-DD HH:mm:ss'));

/** Completed by its completion deadline; unknown (blank) while the work is not done. */
export function onTime(order: OrderSummary): boolean | null {
  return order.completedAt === null ? null : order.completedAt <= order.completeBy;
}

/** The columns of the export, titled and worded in the UI language; times local, in full. */
export function orderExportColumns(t: TFunction): CsvColumn<OrderSummary>[] {
  const yes = (value: boolean | null) => (value === null ? '' : value ? t('common.yes') : t('common.no'));
  return [
    { title: t('orders.columns.id'), value: (order) => order.id },
    { title: t('orders.columns.title'), value: (order) => order.title },
    { title: t('orders.columns.category'), value: (order) => t(`orders.categories.${order.category}`) },
    { title: t('orders.columns.priority'), value: (order) => t(`orders.priorities.${order.priority}`) },
    { title: t('orders.columns.state'), value: (order) => t(`orders.states.${order.state}`) },
    { title: t('orders.columns.building'), value: (order) => order.building },
    { title: t('orders.columns.assignee'), value: (order) => order.assignee ?? '' },
    { title: t('orders.columns.created'), value: (order) => time(order.createdAt) },
    { title: t('orders.columns.respondBy'), value: (order) => time(order.respondBy) },
    { title: t('orders.columns.completeBy'), value: (order) => time(order.completeBy) },
    { title: t('orders.columns.completed'), value: (order) => time(order.completedAt) },
    { title: t('orders.columns.onTime'), value: (order) => yes(onTime(order)) },
    { title: t('orders.columns.rating'), value: (order) => order.rating ?? '' },
    { title: t('orders.columns.escalated'), value: (order) => order.escalated.map((stage) => t(`orders.stages.${stage}`)).join(' / ') },
  ];
}

export async function downloadOrdersCsv(orders: readonly OrderSummary[], t: TFunction, onProgress?: CsvProgress): Promise<void> {
  const parts = await csvParts(orders, orderExportColumns(t), { onProgress });
  downloadCsv(parts, `${t('orders.export.file')}-${dayjs().format('YYYYMMDD-HHmmss')}.csv`);
}
