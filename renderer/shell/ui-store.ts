import { create } from 'zustand';

export const PAGE_KEYS = ['wall', 'alarms', 'map', 'access', 'intrusion', 'rules', 'energy', 'saving', 'devices', 'orders', 'notices', 'services', 'warnings', 'incidents', 'users', 'audit', 'ops', 'openData', 'settings'] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

function pageFromHash(): PageKey | null {
  const name = location.hash.replace(/^#\/?/, '').split('?')[0];
  return PAGE_KEYS.find((key) => key === name) ?? null;
}

type UiState = {
  page: PageKey | null;
  /** Bumped to ask the devices page to focus its search box. */
  searchFocus: number;
};

/** Which page is shown; kept in the address so a reload comes back to it. */
export const useUi = create<UiState>(() => ({ page: pageFromHash(), searchFocus: 0 }));

export function showPage(page: PageKey): void {
  if (location.hash.split('?')[0] !== `#/${page}`) history.replaceState(null, '', `#/${page}`);
  useUi.setState({ page });
}

export function focusDeviceSearch(): void {
  showPage('devices');
  useUi.setState((state) => ({ searchFocus: state.searchFocus + 1 }));
}

// A link or the address bar may change the page too.
window.addEventListener('hashchange', () => {
  const page = pageFromHash();
  if (page && page !== useUi.getState().page) useUi.setState({ page });
});
