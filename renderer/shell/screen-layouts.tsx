import { DeleteOutlined, DesktopOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, List, Modal, Popconfirm, Select, Space, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-store';
import { core } from '../core/client';
import { MAX_SCREENS, type ScreenLayout, type WindowRequest } from '../core/contract';
import { describeError } from '../core/errors';
import { useSavedWalls } from '../video/saved-walls';
import { allowedPages } from './pages';
import { allowScreenPlacement, canPlaceOnScreens, openWindows } from './windows';

const SCREENS_KEY = ['screens'];
type Entry = ScreenLayout['screens'][number];

/** The window each monitor of a layout gets: its page, and for the wall the saved wall by name. */
export function windowsOf(layout: ScreenLayout): WindowRequest[] {
  return layout.screens.map(({ screen, page, wall }) => ({
    screen,
    route: page === 'wall' && wall ? `#/wall?saved=${encodeURIComponent(wall)}` : `#/${page}`,
  }));
}

/** The header's button: a commander's saved spreads over several monitors, opened in one click. */
export function ScreenLayoutsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tooltip title={t('screens.open')}>
        <DesktopOutlined className="header-icon" aria-label={t('screens.open')} data-testid="screen-layouts" onClick={() => setOpen(true)} />
      </Tooltip>
      {open && <ScreenLayoutsModal onClose={() => setOpen(false)} />}
    </>
  );
}

function ScreenLayoutsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const layouts = useQuery({ queryKey: SCREENS_KEY, queryFn: () => core.call('screens.list', {}) });
  const [placement, setPlacement] = useState<string | null>(null);

  const open = async (layout: ScreenLayout) => {
    const blocked = await openWindows(windowsOf(layout));
    if (blocked) message.warning(t('screens.popupsBlocked', { count: blocked }));
    onClose();
  };
  const remove = async (name: string) => {
    try {
      await core.call('screens.delete', { name });
      message.success(t('screens.deleted', { name }));
      await queryClient.invalidateQueries({ queryKey: SCREENS_KEY });
    } catch (error) {
      message.error(describeError(t, error));
    }
  };
  const allow = async () => {
    const count = await allowScreenPlacement();
    setPlacement(count ? t('screens.allowed', { count }) : t('screens.notAllowed'));
  };

  return (
    <Modal open title={t('screens.title')} onCancel={onClose} footer={null} width={720} data-testid="screen-layouts-modal">
      <Typography.Paragraph type="secondary">{t('screens.hint')}</Typography.Paragraph>
      {!canPlaceOnScreens() && (
        <Space style={{ marginBottom: 12 }}>
          <Button size="small" onClick={() => void allow()}>
            {t('screens.allow')}
          </Button>
          {placement && <Typography.Text type="secondary">{placement}</Typography.Text>}
        </Space>
      )}
      <List
        size="small"
        bordered
        dataSource={layouts.data ?? []}
        loading={layouts.isPending}
        locale={{ emptyText: t('screens.empty') }}
        renderItem={(layout) => (
          <List.Item
            data-testid="screen-layout"
            actions={[
              <Button key="open" type="primary" size="small" onClick={() => void open(layout)}>
                {t('screens.openLayout')}
              </Button>,
              <Popconfirm key="delete" title={t('screens.confirmDelete', { name: layout.name })} onConfirm={() => void remove(layout.name)}>
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('screens.delete')} />
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta title={layout.name} description={<LayoutSummary layout={layout} />} />
          </List.Item>
        )}
      />
      <LayoutEditor onSaved={() => void queryClient.invalidateQueries({ queryKey: SCREENS_KEY })} />
    </Modal>
  );
}

function LayoutSummary({ layout }: { layout: ScreenLayout }) {
  const { t } = useTranslation();
  return (
    <>
      {layout.screens
        .map(({ screen, page, wall }) => `${t('screens.screen', { n: screen + 1 })}: ${t(`nav.${page}` as 'nav.wall', { defaultValue: page })}${wall ? ` · ${wall}` : ''}`)
        .join('　')}
    </>
  );
}

/** A new layout: a row per monitor with its page and, for the wall, a saved wall. */
function LayoutEditor({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const permissions = useSession((state) => state.session?.permissions);
  const pages = useMemo(() => allowedPages(permissions ?? []), [permissions]);
  const walls = useSavedWalls();
  const [name, setName] = useState('');
  const [entries, setEntries] = useState<Entry[]>([{ screen: 0, page: pages[0]?.key ?? 'wall', wall: null }]);

  const update = (index: number, change: Partial<Entry>) => setEntries(entries.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));
  const add = () => {
    const free = Array.from({ length: MAX_SCREENS }, (_, screen) => screen).find((screen) => !entries.some((entry) => entry.screen === screen));
    if (free !== undefined) setEntries([...entries, { screen: free, page: pages[0]?.key ?? 'wall', wall: null }]);
  };
  const save = async () => {
    try {
      await core.call('screens.save', { name: name.trim(), screens: entries });
      message.success(t('screens.saved', { name: name.trim() }));
      setName('');
      onSaved();
    } catch (error) {
      message.error(describeError(t, error));
    }
  };

  return (
    <div className="screen-layout-editor" data-testid="screen-layout-editor">
      {entries.map((entry, index) => (
        <Space key={entry.screen} style={{ display: 'flex', marginTop: 8 }}>
          <Typography.Text style={{ width: 110, display: 'inline-block' }}>
            {t('screens.screen', { n: entry.screen + 1 })}
            {entry.screen === 0 ? t('screens.primary') : ''}
          </Typography.Text>
          <Select
            size="small"
            style={{ width: 150 }}
            aria-label={t('screens.page')}
            value={entry.page}
            onChange={(page) => update(index, { page, wall: null })}
            options={pages.map((page) => ({ value: page.key, label: t(`nav.${page.key}`) }))}
          />
          {entry.page === 'wall' && (
            <Select
              size="small"
              style={{ width: 170 }}
              aria-label={t('screens.wall')}
              value={entry.wall ?? ''}
              onChange={(wall) => update(index, { wall: wall || null })}
              options={[{ value: '', label: t('screens.noWall') }, ...walls.map((wall) => ({ value: wall.name, label: wall.name }))]}
            />
          )}
          {entries.length > 1 && <MinusCircleOutlined aria-label={t('screens.delete')} onClick={() => setEntries(entries.filter((_, at) => at !== index))} />}
        </Space>
      ))}
      <Space style={{ marginTop: 12 }}>
        <Button size="small" icon={<PlusOutlined />} disabled={entries.length >= MAX_SCREENS} onClick={add}>
          {t('screens.addScreen')}
        </Button>
        <Input size="small" placeholder={t('screens.name')} maxLength={40} value={name} onChange={(event) => setName(event.target.value)} style={{ width: 180 }} />
        <Button size="small" type="primary" disabled={!name.trim()} onClick={() => void save()}>
          {t('screens.save')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('screens.missingScreens')}
      </Typography.Paragraph>
    </div>
  );
}
