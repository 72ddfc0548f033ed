import type { DeviceKind, DeviceStatus, Severity } from '../core/contract';

/** Glyphs on a 24×24 grid, filled: the shape says what a device is, whatever its colour. */
const GLYPHS = {
  camera: 'M1 7h14v10H1z M15 10l8-4v12l-8-4z',
  recorder: 'M1 6h22v12H1z',
  door: 'M5 1h14v22H5z',
  alarm: 'M12 1L23 22H1z',
  siren: 'M12 2c4 0 7 3 7 8v5l3 3H2l3-3v-5c0-5 3-8 7-8z M9 20h6c0 2-1 3-3 3s-3-1-3-3z',
  smoke: 'M12 1a11 11 0 1 1 0 22a11 11 0 1 1 0-22z',
  water: 'M12 1C12 1 3 11 3 16a9 7 0 0 0 18 0C21 11 12 1 12 1z',
  gas: 'M12 1c1 5 7 7 7 14a7 7 0 0 1-14 0c0-3 2-6 3-8c1 2 2 3 3 3c0-4-1-6 1-9z',
  meter: 'M12 1L23 12L12 23L1 12z',
  gateway: 'M12 1l10 6v10l-10 6L2 17V7z',
  plug: 'M7 1h3v5h4V1h3v5h3v6a8 8 0 0 1-6 7.7V23h-4v-3.3A8 8 0 0 1 4 12V6h3z',
} as const;

type Glyph = keyof typeof GLYPHS;
/** Colours when all is well, by what the device is for; trouble colours (below) are kept apart from these. */
const GROUPS = {
  video: '#3b9cff',
  access: '#2dd4bf',
  intrusion: '#a78bfa',
  safety: '#84cc16',
  energy: '#e2e8f0',
  network: '#94a3b8',
} as const;

const KINDS: Record<DeviceKind, { glyph: Glyph; group: keyof typeof GROUPS }> = {
  ipc: { glyph: 'camera', group: 'video' },
  camera: { glyph: 'camera', group: 'video' },
  nvr: { glyph: 'recorder', group: 'video' },
  dvr: { glyph: 'recorder', group: 'video' },
  video_server: { glyph: 'recorder', group: 'video' },
  encoder: { glyph: 'recorder', group: 'video' },
  decoder: { glyph: 'recorder', group: 'video' },
  door: { glyph: 'door', group: 'access' },
  alarm_input: { glyph: 'alarm', group: 'intrusion' },
  alarm_controller: { glyph: 'alarm', group: 'intrusion' },
  alarm_output: { glyph: 'siren', group: 'intrusion' },
  smoke_detector: { glyph: 'smoke', group: 'safety' },
  water_sensor: { glyph: 'water', group: 'safety' },
  gas_detector: { glyph: 'gas', group: 'safety' },
  electricity_meter: { glyph: 'meter', group: 'energy' },
  water_meter: { glyph: 'meter', group: 'energy' },
  gas_meter: { glyph: 'meter', group: 'energy' },
  // What energy-saving schedules switch: a plug, apart from the meters that count.
  lighting_controller: { glyph: 'plug', group: 'energy' },
  hvac_controller: { glyph: 'plug', group: 'energy' },
  pump_controller: { glyph: 'plug', group: 'energy' },
  gateway: { glyph: 'gateway', group: 'network' },
};

/** The SVG path of a kind's glyph (24×24), for legends drawn outside the chart. */
export function glyphOf(kind: DeviceKind): string {
  return GLYPHS[KINDS[kind].glyph];
}

/** An ECharts symbol for a kind. */
export function symbolOf(kind: DeviceKind): string {
  return `path://${glyphOf(kind)}`;
}

/**
 * Past a few hundred markers of a kind, ECharts draws them as one large path,
 * and that path takes only its built-in shapes (an SVG glyph there never
 * finishes drawing): each glyph has a built-in stand-in of like outline.
 */
const STAND_INS: Record<Glyph, string> = {
  camera: 'rect',
  recorder: 'rect',
  door: 'rect',
  alarm: 'triangle',
  siren: 'triangle',
  smoke: 'circle',
  water: 'circle',
  gas: 'circle',
  meter: 'diamond',
  gateway: 'diamond',
  plug: 'roundRect',
};

export function largeSymbolOf(kind: DeviceKind): string {
  return STAND_INS[KINDS[kind].glyph];
}

export function kindColour(kind: DeviceKind): string {
  return GROUPS[KINDS[kind].group];
}

/** Same hues as the device list's status badges: anything not online must catch the eye. */
export const STATUS_COLOURS: Record<Exclude<DeviceStatus, 'online'>, string> = {
  offline: '#d84a4a',
  fault: '#e89a3c',
  unknown: '#5b6472',
};

export const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: '#ff3b3b',
  major: '#ff8a00',
  minor: '#ffd000',
  info: '#3b9cff',
};

/** Most urgent first, as the contract orders severities. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, major: 1, minor: 2, info: 3 };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Device names come from the site: never let one become markup in a tooltip. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}
