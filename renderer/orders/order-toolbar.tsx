import { Button, Input, Select, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_CATEGORIES, ORDER_PRIORITIES, ORDER_STATES, type OrderSummary } from '../core/contract';
import { ALL_ORDERS, distinct, type OrderSort } from './order-view';
import { setQuery, useOrdersUi } from './orders-ui';

/** Filters and sort of the list and the board, as chosen; each choice applies at once. */
export function OrderFilters({ orders, shown }: { orders: readonly OrderSummary[]; shown: number }) {
  const { t } = useTranslation();
  const query = useOrdersUi((state) => state.query);
  const sort = useOrdersUi((state) => state.sort);
  // Read again only when the orders change, not on every filter change.
  const buildings = useMemo(() => distinct(orders, (order) => order.building), [orders]);
  const assignees = useMemo(() => distinct(orders, (order) => order.assignee), [orders]);
  return (
    <div className="order-filters">
      <Input.Search allowClear placeholder={t('orders.search')} value={query.text} onChange={(event) => setQuery({ text: event.target.value })} style={{ width: 220 }} data-testid="order-search" />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('orders.filter.state')}
        value={query.states}
        onChange={(states) => setQuery({ states })}
        options={ORDER_STATES.map((state) => ({ value: state, label: t(`orders.states.${state}`), title: t(`orders.states.${state}`) }))}
        style={{ width: 150 }}
        data-testid="filter-order-state"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('orders.filter.priority')}
        value={query.priorities}
        onChange={(priorities) => setQuery({ priorities })}
        options={ORDER_PRIORITIES.map((priority) => ({ value: priority, label: t(`orders.priorities.${priority}`), title: t(`orders.priorities.${priority}`) }))}
        style={{ width: 130 }}
        data-testid="filter-order-priority"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('orders.filter.category')}
        value={query.categories}
        onChange={(categories) => setQuery({ categories })}
        options={ORDER_CATEGORIES.map((category) => ({ value: category, label: t(`orders.categories.${category}`), title: t(`orders.categories.${category}`) }))}
        style={{ width: 140 }}
        data-testid="filter-order-category"
      />
      <Select
        allowClear
        showSearch
        placeholder={t('orders.filter.building')}
        value={query.building ?? undefined}
        onChange={(building?: string) => setQuery({ building: building ?? null })}
        options={buildings.map((building) => ({ value: building, label: building, title: building }))}
        style={{ width: 130 }}
        data-testid="filter-order-building"
      />
      <Select
        allowClear
        showSearch
        placeholder={t('orders.filter.assignee')}
        value={query.assignee ?? undefined}
        onChange={(assignee?: string) => setQuery({ assignee: assignee ?? null })}
        options={[{ value: '', label: t('orders.unassigned'), title: t('orders.unassigned') }, ...assignees.map((name) => ({ value: name, label: name, title: name }))]}
        style={{ width: 130 }}
        data-testid="filter-order-assignee"
      />
      <span className="order-switch">
        <Switch size="small" checked={query.escalatedOnly} onChange={(escalatedOnly) => setQuery({ escalatedOnly })} data-testid="filter-order-escalated" /> {t('orders.escalatedOnly')}
      </span>
      <Select
        value={sort}
        onChange={(next: OrderSort) => useOrdersUi.setState({ sort: next })}
        options={(['deadline', 'created', 'priority'] as const).map((value) => ({ value, label: `${t('orders.sort.label')}: ${t(`orders.sort.${value}`)}` }))}
        style={{ width: 210 }}
        data-testid="order-sort"
      />
      <Button onClick={() => useOrdersUi.setState({ query: ALL_ORDERS })} data-testid="order-filters-reset">
        {t('orders.reset')}
      </Button>
      <Typography.Text type="secondary" data-testid="order-shown" data-shown={shown} data-total={orders.length}>
        {t('orders.shown', { shown, total: orders.length })}
      </Typography.Text>
    </div>
  );
}
