import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { LockScreen } from './auth/lock-screen';
import { useSession } from './auth/session-store';
import { SetupPage } from './auth/setup-page';
import { SignInPage } from './auth/sign-in-page';
import { queryClient } from './core/query-client';
import { useLanguage } from './i18n';
import { antdLocale } from './i18n/antd-locale';
import { ConnectionBanner } from './shell/connection-banner';
import { vigilTheme } from './theme';

// The shell and its pages load only after sign-in, so the sign-in page stays small.
const AppShell = lazy(() => import('./shell/app-shell').then((module) => ({ default: module.AppShell })));

function Screen() {
  const phase = useSession((state) => state.phase);
  const locked = useSession((state) => state.locked);
  const hasSession = useSession((state) => !!state.session);
  switch (phase) {
    case 'starting':
      return <Spin size="large" className="page-spinner" />;
    case 'setup':
      return <SetupPage />;
    case 'signed-out':
      return <SignInPage />;
    case 'signed-in':
      return (
        <>
          {hasSession && (
            <Suspense fallback={<Spin size="large" className="page-spinner" />}>
              <div className="app-root" aria-hidden={locked} inert={locked}>
                <AppShell />
              </div>
            </Suspense>
          )}
          {locked && <LockScreen />}
        </>
      );
    default: {
      const unexpected: never = phase;
      return unexpected;
    }
  }
}

export function VigilApp() {
  const language = useLanguage((state) => state.language);
  return (
    <ConfigProvider theme={vigilTheme} locale={antdLocale(language)}>
      <AntApp className="vigil-app">
        <QueryClientProvider client={queryClient}>
          <ConnectionBanner />
          <Screen />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
