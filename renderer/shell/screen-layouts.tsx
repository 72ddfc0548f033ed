import { DeleteOutlined, DesktopOutlined, LoginOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Input, List, Modal, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-store';
import { core } from '../core/client';
import { MAX_SCREENS, type ScreenLayout, type WindowRequest } from '../core/contract';
import { describeError } from '../core/errors';
import { useSavedWalls } from '../video/saved-walls';
import { allowedPages } from './pages';
import { allowScreenPlacement, canPlaceOnScreens, inDesktopApp, openWindows } from './windows';

const SCREENS_KEY = ['screens'];
/** Pages that can follow the incident in focus: its map and its cameras. */
const FOLLOWERS = new Set(['map', 'wall']);
type Entry = ScreenLayout['screens'][number];

/** The window each monitor of a layout gets: its page, for the wall the saved wall by name, the page's view, and whether it follows the incident in focus. */
export function windowsOf(layout: ScreenLayout): WindowRequest[] {
  return layout.screens.map(({ screen, page, wall, view, focus }) => {
    const query = new URLSearchParams({ ...(page === 'wall' && wall ? { saved: wall } : {}), ...(view ? { view } : {}), ...(focus ? { focus: 'incident' } : {}) }).toString();
    return { screen, route: query ? `#/${page}?${query}` : `#/${page}` };
  });
}

const OFFERED_KEY = 'vigil.layoutAtSignIn';

/**
 * Once per sign-in, in the officer's first window: the layout they open at
 * sign-in (a commander's command desk, on any station). The desktop app
 * opens it at once; a browser lets pages open windows only from a click,
 * so it is offered with a button.
 */
export function LayoutAtSignIn() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const token = useSession((state) => state.session?.token);
  useEffect(() => {
    // Windows this one opened are part of the layout already (they inherit this flag, and have an opener).
    if (!token || window.opener || sessionStorage.getItem(OFFERED_KEY) === token) return;
    sessionStorage.setItem(OFFERED_KEY, token);
    core.call('screens.list', {}).then(
      ({ layouts, openOnSignIn }) => {
        const layout = layouts.find((held) => held.name === openOnSignIn);
        if (!layout) return;
        if (inDesktopApp()) return void openWindows(windowsOf(layout));
        const open = async () => {
          notification.destroy(OFFERED_KEY);
          const blocked = await openWindows(windowsOf(layout));
          if (blocked) notification.warning({ title: t('screens.popupsBlocked', { count: blocked }) });
        };
        // Bottom left, for a while: it must not cover the page's own controls; the header's layouts button opens it any time.
        notification.open({
          key: OFFERED_KEY,
          placement: 'bottomLeft',
          duration: 20,
          icon: <DesktopOutlined />,
          title: t('screens.atSignIn', { name: layout.name }),
          description: t('screens.atSignInHint', { count: layout.screens.length }),
          actions: (
            <Button type="primary" data-testid="open-layout-at-sign-in" onClick={() => void open()}>
              {t('screens.openLayout')}
            </Button>
          ),
        });
      },
      () => {},
    );
  }, [token, notification, t]);
  return null;
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
  const workspace = useQuery({ queryKey: SCREENS_KEY, queryFn: () => core.call('screens.list', {}) });
  const [placement, setPlacement] = useState<string | null>(null);

  const open = async (layout: ScreenLayout) => {
    const blocked = await openWindows(windowsOf(layout));
    if (blocked) message.warning(t('screens.popupsBlocked', { count: blocked }));
    onClose();
  };
  const atSignIn = async (name: string | null) => {
    try {
      await core.call('screens.openOnSignIn', { name });
      await queryClient.invalidateQueries({ queryKey: SCREENS_KEY });
    } catch (error) {
      message.error(describeError(t, error));
    }
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
    <Modal open title={t('screens.title')} onCancel={onClose} footer={null} width={800} data-testid="screen-layouts-modal">
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
        dataSource={workspace.data?.layouts ?? []}
        loading={workspace.isPending}
        locale={{ emptyText: t('screens.empty') }}
        renderItem={(layout) => (
          <List.Item
            data-testid="screen-layout"
            actions={[
              <Button key="open" type="primary" size="small" onClick={() => void open(layout)}>
                {t('screens.openLayout')}
              </Button>,
              workspace.data?.openOnSignIn === layout.name ? (
                <Button key="sign-in" size="small" icon={<LoginOutlined />} onClick={() => void atSignIn(null)} data-testid="layout-at-sign-in">
                  {t('screens.notAtSignIn')}
                </Button>
              ) : (
                <Button key="sign-in" size="small" icon={<LoginOutlined />} onClick={() => void atSignIn(layout.name)}>
                  {t('screens.setAtSignIn')}
                </Button>
              ),
              ...(layout.builtin
                ? []
                : [
                    <Popconfirm key="delete" title={t('screens.confirmDelete', { name: layout.name })} onConfirm={() => void remove(layout.name)}>
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('screens.delete')} />
                    </Popconfirm>,
                  ]),
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4}>
                  {layout.name}
                  {layout.builtin && <Tag>{t('screens.builtin')}</Tag>}
                  {workspace.data?.openOnSignIn === layout.name && <Tag color="blue">{t('screens.opensAtSignIn')}</Tag>}
                </Space>
              }
              description={<LayoutSummary layout={layout} />}
            />
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
        .map(({ screen, page, wall, view, focus }) =>
          [`${t('screens.screen', { n: screen + 1 })}: ${t(`nav.${page}` as 'nav.wall', { defaultValue: page })}`, wall, view && t(`screens.views.${view}`), focus && t('screens.followsFocus')].filter(Boolean).join(' · '),
        )
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
  const blank = (screen: number): Entry => ({ screen, page: pages[0]?.key ?? 'wall', wall: null, view: null, focus: false });
  const [entries, setEntries] = useState<Entry[]>([blank(0)]);

  const update = (index: number, change: Partial<Entry>) => setEntries(entries.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));
  const add = () => {
    const free = Array.from({ length: MAX_SCREENS }, (_, screen) => screen).find((screen) => !entries.some((entry) => entry.screen === screen));
    if (free !== undefined) setEntries([...entries, blank(free)]);
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
            onChange={(page) => update(index, { page, wall: null, view: null, focus: false })}
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
          {FOLLOWERS.has(entry.page) && (
            <Checkbox checked={entry.focus} onChange={(event) => update(index, { focus: event.target.checked })}>
              {t('screens.followsFocus')}
            </Checkbox>
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
