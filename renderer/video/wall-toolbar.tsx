import { BarChartOutlined, ExportOutlined, PauseCircleOutlined, PlayCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Input, InputNumber, Popover, Select, Space, Switch, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { describeError } from '../core/errors';
import { LAYOUTS, customLayout } from './layouts';
import { openWindows } from '../shell/windows';
import { linkageEnabled, setLinkageEnabled } from './alarm-linkage';
import { SAVED_WALLS_KEY, useSavedWalls } from './saved-walls';
import { useWall, wallActions } from './wall-store';

function CustomGrid() {
  const { t } = useTranslation();
  const [size, setSize] = useState({ cols: 3, rows: 2 });
  return (
    <Space>
      <InputNumber size="small" min={1} max={6} value={size.cols} onChange={(cols) => setSize({ ...size, cols: cols ?? 1 })} aria-label={t('wall.columns')} />×
      <InputNumber size="small" min={1} max={6} value={size.rows} onChange={(rows) => setSize({ ...size, rows: rows ?? 1 })} aria-label={t('wall.rows')} />
      <Button size="small" onClick={() => wallActions.setLayout(customLayout(size.cols, size.rows).id)}>
        {t('wall.apply')}
      </Button>
    </Space>
  );
}

/** Cycles through the officer's saved walls while touring. */
function useTour(seconds: number) {
  const touring = useWall((state) => state.touring);
  const walls = useSavedWalls();
  useEffect(() => {
    if (!touring || walls.length < 2) return;
    const timer = setInterval(() => {
      const at = walls.findIndex((wall) => wall.name === useWall.getState().current);
      wallActions.load(walls[(at + 1) % walls.length]!);
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [touring, walls, seconds]);
  return walls;
}

export function WallToolbar() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const layout = useWall((state) => state.layout);
  const current = useWall((state) => state.current);
  const touring = useWall((state) => state.touring);
  const showStats = useWall((state) => state.showStats);
  const [tourSeconds, setTourSeconds] = useState(20);
  const [name, setName] = useState('');
  const [linkage, setLinkage] = useState(linkageEnabled);
  const walls = useTour(tourSeconds);

  const save = async () => {
    try {
      await core.call('walls.save', { ...wallActions.snapshotOf(name.trim()), tourSeconds });
      useWall.setState({ current: name.trim() });
      await queryClient.invalidateQueries({ queryKey: SAVED_WALLS_KEY });
      message.success(t('wall.saved', { name: name.trim() }));
      setName('');
    } catch (error) {
      message.error(describeError(t, error));
    }
  };

  const popOut = () => {
    const { layout: id, tiles } = useWall.getState();
    const wall = encodeURIComponent(JSON.stringify({ layout: id, tiles }));
    void openWindows([{ screen: null, route: `#/wall?wall=${wall}` }]).then((blocked) => {
      if (blocked) message.warning(t('screens.popupsBlocked', { count: blocked }));
    });
  };

  return (
    <div className="page-toolbar" data-testid="wall-toolbar">
      <Select
        size="small"
        value={layout}
        style={{ width: 110 }}
        data-testid="layout-select"
        onChange={(id) => wallActions.setLayout(id)}
        options={[...LAYOUTS.map((option) => ({ value: option.id, label: t('wall.layout', { count: Number(option.id) }) })), ...(LAYOUTS.some((option) => option.id === layout) ? [] : [{ value: layout, label: layout }])]}
      />
      <Popover content={<CustomGrid />} title={t('wall.custom')} trigger="click">
        <Button size="small">{t('wall.custom')}</Button>
      </Popover>
      <Select
        size="small"
        allowClear
        placeholder={t('wall.savedWalls')}
        style={{ width: 160 }}
        value={current ?? undefined}
        data-testid="saved-walls"
        onChange={(chosen) => {
          const wall = walls.find((candidate) => candidate.name === chosen);
          if (wall) wallActions.load(wall);
          else useWall.setState({ current: null });
        }}
        options={walls.map((wall) => ({ value: wall.name, label: wall.name }))}
      />
      <Space.Compact size="small">
        <Input size="small" placeholder={t('wall.saveAs')} value={name} maxLength={40} onChange={(event) => setName(event.target.value)} onPressEnter={() => name.trim() && void save()} style={{ width: 130 }} />
        <Button size="small" icon={<SaveOutlined />} disabled={!name.trim()} onClick={() => void save()}>
          {t('wall.save')}
        </Button>
      </Space.Compact>
      <Tooltip title={t('wall.linkage.hint')}>
        <Switch
          size="small"
          checked={linkage}
          onChange={(on) => {
            setLinkageEnabled(on);
            setLinkage(on);
          }}
          checkedChildren={t('wall.linkage.on')}
          unCheckedChildren={t('wall.linkage.off')}
          data-testid="alarm-linkage-switch"
        />
      </Tooltip>
      <Space.Compact size="small">
        <InputNumber size="small" min={5} max={600} value={tourSeconds} onChange={(value) => setTourSeconds(value ?? 20)} suffix="s" style={{ width: 80 }} aria-label={t('wall.tourInterval')} />
        <Tooltip title={walls.length < 2 ? t('wall.tourNeedsWalls') : t('wall.tourHint')}>
          <Button size="small" icon={touring ? <PauseCircleOutlined /> : <PlayCircleOutlined />} disabled={walls.length < 2} onClick={() => useWall.setState({ touring: !touring })}>
            {touring ? t('wall.stopTour') : t('wall.tour')}
          </Button>
        </Tooltip>
      </Space.Compact>
      <span className="toolbar-spacer" />
      <Button size="small" icon={<BarChartOutlined />} type={showStats ? 'primary' : 'default'} onClick={wallActions.toggleStats} data-testid="toggle-stats">
        {t('wall.stats')}
      </Button>
      <Button size="small" icon={<ExportOutlined />} onClick={popOut}>
        {t('wall.popOut')}
      </Button>
    </div>
  );
}
