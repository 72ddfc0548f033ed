import { Button, Input, Rate, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission, useSession } from '../auth/session-store';
import { ORDER_PRIORITIES, type OrderDetail } from '../core/contract';
import { PhotoPicker } from './photos';
import { useTechnicians } from './queries';
import type { useOrderCall } from './use-order-call';

type Call = ReturnType<typeof useOrderCall>;
type Props = { order: OrderDetail; call: Call };

const OPEN = ['new', 'assigned', 'accepted', 'in_progress'];

/** Assign, priority, close and cancel: the supervisor's and property manager's part. */
function ManageActions({ order, call }: Props) {
  const { t } = useTranslation();
  const technicians = useTechnicians(true);
  const [reason, setReason] = useState('');
  const run = (method: Parameters<Call['mutate']>[0]['method'], input: unknown) => call.mutate({ method, input });
  const open = OPEN.includes(order.state);
  return (
    <Space orientation="vertical" className="order-action-group" size={8}>
      {open && (
        <Space wrap>
          <Select
            className="order-assign"
            data-testid="order-assign"
            placeholder={t('orders.actions.assignTo')}
            value={order.assignee ?? undefined}
            loading={technicians.isPending}
            options={(technicians.data ?? []).map((tech) => ({ value: tech.username, label: t('orders.actions.technicianOpen', { name: tech.displayName, open: tech.open }) }))}
            onChange={(technician: string) => run('orders.assign', { id: order.id, technician })}
            style={{ minWidth: 220 }}
          />
          <Select
            data-testid="order-priority"
            value={order.priority}
            options={ORDER_PRIORITIES.map((priority) => ({ value: priority, label: t(`orders.priorities.${priority}`) }))}
            onChange={(priority) => run('orders.prioritise', { id: order.id, priority })}
            style={{ minWidth: 100 }}
          />
        </Space>
      )}
      {order.state !== 'closed' && order.state !== 'cancelled' && (
        <Space.Compact className="order-end">
          <Input placeholder={t('orders.actions.reason')} value={reason} onChange={(event) => setReason(event.target.value)} data-testid="order-end-reason" />
          {order.state === 'completed' && (
            <Button disabled={!reason.trim()} onClick={() => run('orders.end', { id: order.id, action: 'close', text: reason })} data-testid="order-close">
              {t('orders.actions.close')}
            </Button>
          )}
          {open && (
            <Button danger disabled={!reason.trim()} onClick={() => run('orders.end', { id: order.id, action: 'cancel', text: reason })} data-testid="order-cancel">
              {t('orders.actions.cancel')}
            </Button>
          )}
        </Space.Compact>
      )}
    </Space>
  );
}

/** What the resident said once the work was done, as the front desk records it from a call. */
function ResidentActions({ order, call }: Props) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  if (order.state !== 'completed') return null;
  return (
    <div className="order-action-group" data-testid="order-resident">
      <Space wrap>
        <Typography.Text>{t('orders.actions.rating')}</Typography.Text>
        <Rate value={rating} onChange={setRating} data-testid="order-rating" />
      </Space>
      <Input.TextArea rows={2} placeholder={t('orders.actions.ratingText')} value={text} onChange={(event) => setText(event.target.value)} maxLength={500} />
      <Space wrap>
        <Button type="primary" disabled={rating === 0} loading={call.isPending} onClick={() => call.mutate({ method: 'orders.resident', input: { id: order.id, action: 'confirm', rating, text } })} data-testid="order-confirm">
          {t('orders.actions.confirm')}
        </Button>
        <Button onClick={() => call.mutate({ method: 'orders.resident', input: { id: order.id, action: 'reopen', text } })} data-testid="order-reopen">
          {t('orders.actions.reopen')}
        </Button>
      </Space>
    </div>
  );
}

/** Accept, start, complete with the after photos: the assigned technician's part, with large targets. */
export function WorkActions({ order, call }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const work = (action: 'accept' | 'start' | 'complete') =>
    call.mutate(
      { method: 'orders.work', input: { id: order.id, action, text, photos: action === 'complete' ? photos : [] } },
      {
        onSuccess: () => {
          setText('');
          setPhotos([]);
        },
      },
    );
  return (
    <div className="order-action-group order-work" data-testid="order-work">
      {order.state === 'assigned' && (
        <Button type="primary" size="large" block loading={call.isPending} onClick={() => work('accept')} data-testid="order-accept">
          {t('orders.actions.accept')}
        </Button>
      )}
      {order.state === 'accepted' && (
        <Button type="primary" size="large" block loading={call.isPending} onClick={() => work('start')} data-testid="order-start">
          {t('orders.actions.start')}
        </Button>
      )}
      {order.state === 'in_progress' && (
        <>
          <Input.TextArea rows={2} placeholder={t('orders.actions.completeText')} value={text} onChange={(event) => setText(event.target.value)} maxLength={500} data-testid="order-complete-text" />
          <PhotoPicker value={photos} onChange={setPhotos} large />
          <Button type="primary" size="large" block loading={call.isPending} onClick={() => work('complete')} data-testid="order-complete">
            {t('orders.actions.complete')}
          </Button>
        </>
      )}
    </div>
  );
}

function NoteAction({ order, call }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  return (
    <div className="order-action-group" data-testid="order-note">
      <Input.TextArea rows={2} placeholder={t('orders.actions.notePlaceholder')} value={text} onChange={(event) => setText(event.target.value)} maxLength={500} data-testid="order-note-text" />
      <PhotoPicker value={photos} onChange={setPhotos} />
      <Button
        disabled={!text.trim() && photos.length === 0}
        loading={call.isPending}
        onClick={() =>
          call.mutate(
            { method: 'orders.note', input: { id: order.id, text, photos } },
            {
              onSuccess: () => {
                setText('');
                setPhotos([]);
              },
            },
          )
        }
        data-testid="order-note-add"
      >
        {t('orders.actions.addNote')}
      </Button>
    </div>
  );
}

/** Only the actions this user's role allows on this order, where it stands. */
export function OrderActions({ order, call }: Props) {
  const canManage = usePermission('orders.manage');
  const canCreate = usePermission('orders.create');
  const username = useSession((state) => state.session?.user.username);
  const mine = usePermission('orders.work') && order.assignee === username;
  const ended = order.state === 'closed' || order.state === 'cancelled';
  return (
    <div className="order-actions">
      {canManage && <ManageActions order={order} call={call} />}
      {mine && <WorkActions order={order} call={call} />}
      {canCreate && <ResidentActions order={order} call={call} />}
      {(canCreate || mine) && !ended && <NoteAction order={order} call={call} />}
    </div>
  );
}
