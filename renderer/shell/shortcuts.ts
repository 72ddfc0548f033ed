import { useEffect } from 'react';
import type { PageDef } from './pages';
import { typingIn } from './typing';
import { focusDeviceSearch, showPage } from './ui-store';

/** Ctrl+K or / searches devices; Alt+1…9 switch between the pages this user has, in menu order. */
export function useShortcuts(pages: PageDef[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const canSearch = pages.some((page) => page.key === 'devices');
      if (canSearch && (((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') || (event.key === '/' && !typingIn(event.target)))) {
        event.preventDefault();
        focusDeviceSearch();
        return;
      }
      if (event.altKey && !event.ctrlKey && /^Digit[1-9]$/.test(event.code)) {
        const page = pages[Number(event.code.slice(5)) - 1];
        if (page) {
          event.preventDefault();
          showPage(page.key);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pages]);
}
