import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './errors';

/**
 * A file the core writes for this window (an evidence package, a
 * diagnostics bundle, an open-data export): while it is made the caller
 * shows a spinner; once made, a browser downloads it through its one-time
 * link (the desktop app has none: the file is in the data folder, and the
 * result names it); a failure is told in words.
 */
export function useCoreFile<T extends { download: string | null }>() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  const start = useCallback(
    async (make: () => Promise<T>): Promise<T | null> => {
      setBusy(true);
      setResult(null);
      try {
        const made = await make();
        setResult(made);
        if (made.download) location.assign(made.download);
        return made;
      } catch (error) {
        message.error(describeError(t, error));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [message, t],
  );
  return { busy, result, start };
}
