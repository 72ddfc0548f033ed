import { theme, type ThemeConfig } from 'antd';

/** Dark, dense control-room look; the bundled CJK font first so it renders offline. */
export const vigilTheme: ThemeConfig = {
  // Density from the tokens, not compactAlgorithm: that one shrinks small controls' text to 10 px.
  algorithm: theme.darkAlgorithm,
  token: {
    controlHeight: 28,
    fontSizeSM: 12,
    lineHeight: 1.5,
    fontFamily: "'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', -apple-system, 'Segoe UI', Roboto, sans-serif",
    fontFamilyCode: "'DejaVu Sans Mono', 'Cascadia Mono', Consolas, 'SFMono-Regular', Menlo, monospace",
    fontSize: 13,
    fontWeightStrong: 500,
    colorPrimary: '#2f7cf6',
    colorBgBase: '#0a0e14',
    colorBgContainer: '#111821',
    colorBgElevated: '#18212d',
    colorBorder: '#263241',
    colorBorderSecondary: '#1d2733',
    borderRadius: 4,
  },
  components: {
    Layout: {
      headerBg: '#0f151d',
      headerHeight: 44,
      headerPadding: '0 12px',
      siderBg: '#0f151d',
      bodyBg: '#0a0e14',
      triggerBg: '#141c26',
      triggerHeight: 36,
    },
    Menu: { darkItemBg: '#0f151d', itemBg: 'transparent' },
    Table: { headerBg: '#151e29', rowHoverBg: '#1a2532', cellPaddingBlockSM: 4, cellPaddingInlineSM: 8 },
  },
};
