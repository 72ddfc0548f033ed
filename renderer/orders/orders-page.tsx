import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Segmented } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import type { RowsHandle } from '../alarms/virtual-rows';
import { describeError } from '../core/errors';
import { useNow } from '../core/use-now';
import { PageToolbar } from '../shell/page-toolbar';
import { MyOrders } from './my-orders';
import { NewOrderDialog } from './new-order-dialog';
import { OrderBoard } from './order-board';
import { OrderDrawer } from './order-drawer';
import { downloadOrdersCsv } from './order-export';
import { OrderFigures } from './order-figures';
import { OrderList } from './order-list';
import { OrderFilters } from './order-toolbar';
import { filterOrders, sortOrders } from './order-view';
import { useOrdersUi, type OrdersView } from './orders-ui';
import { useOrders } from './queries';
import { useOrderKeys } from './use-order-keys';
import './orders.css';

const NONE: never[] = [];

/**
 * Repair work orders (物业报修). Readers of every order get the board, the
 * list and the month's figures; a technician (orders.work only) gets his own
 * orders with the buttons for the job.
 */
export function OrdersPage() {
  const canRead = usePermission('orders.read');
  return canRead ? <AllOrders /> : <TechnicianPage />;
}

function TechnicianPage() {
  const { t } = useTranslation();
  return (
    <div className="page orders-page" data-testid="page-orders" data-view="mine">
      <PageToolbar title={t('orders.mine.title')} />
      <MyOrders />
      <OrderDrawer canSeeAlarms={false} />
    </div>
  );
}

function AllOrders() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canCreate = usePermission('orders.create');
  const canSeeAlarms = usePermission('alarms.read');
  const orders = useOrders(true);
  const view = useOrdersUi((state) => state.view);
  const query = useOrdersUi((state) => state.query);
  const sort = useOrdersUi((state) => state.sort);
  const creating = useOrdersUi((state) => state.creating);
  const all = orders.data ?? NONE;
  // Sorted once per list and sort; a filter change is then one pass that keeps that order.
  const sorted = useMemo(() => sortOrders(all, sort), [all, sort]);
  const shown = useMemo(() => filterOrders(sorted, query), [sorted, query]);
  const list = useRef<RowsHandle>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const now = useNow(60_000);
  useOrderKeys(shown, list, canCreate);

  const exportCsv = async () => {
    try {
      await downloadOrdersCsv(shown, t, (done, total) => setExporting(t('orders.export.progress', { done, total })));
    } catch (error) {
      message.error(describeError(t, error));
    } finally {
      setExporting(null);
    }
  };

  return (
    <div className="page orders-page" data-testid="page-orders" data-view={view}>
      <PageToolbar title={t('orders.title')}>
        <Segmented<OrdersView>
          value={view}
          onChange={(next) => useOrdersUi.setState({ view: next })}
          options={[
            { value: 'board', label: t('orders.board') },
            { value: 'list', label: t('orders.list') },
            { value: 'figures', label: t('orders.figures') },
          ]}
          data-testid="order-view"
        />
        <span className="toolbar-spacer" />
        <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()} loading={exporting !== null} disabled={shown.length === 0} data-testid="order-export">
          {exporting ?? t('orders.export.button')}
        </Button>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => useOrdersUi.setState({ creating: Date.now() })} data-testid="order-create">
            {t('orders.create')} (N)
          </Button>
        )}
      </PageToolbar>
      {orders.error && <Alert type="error" showIcon title={describeError(t, orders.error)} />}
      {view !== 'figures' && <OrderFilters orders={all} shown={shown.length} />}
      <div className="orders-body">
        {view === 'board' && <OrderBoard orders={shown} />}
        {view === 'list' && <OrderList orders={shown} handle={list} />}
        {view === 'figures' && <OrderFigures now={now} />}
      </div>
      <OrderDrawer canSeeAlarms={canSeeAlarms} />
      {canCreate && <NewOrderDialog key={creating ?? 0} open={creating !== null} onClose={() => useOrdersUi.setState({ creating: null })} />}
    </div>
  );
}
