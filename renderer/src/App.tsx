import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ProspectsScreen } from './features/prospects/ProspectsScreen';
import { useImport } from './features/prospects/useImport';
import { hashOf, routeFromHash, useApp } from './store';
import { ToastRegion } from './ui/Toast';
import { focusScreen } from './ui/screenFocus';
import { useStickyInsets } from './ui/stickyInsets';
import { FollowUpsNavButton } from './features/followUps/FollowUpsNavButton';

// The Prospects screen comes first and alone; the form, Settings and the slides (with the
// schemas, zones and charts they need) load when the advisor opens them.
const IntakeScreen = lazy(() => import('./features/intake/IntakeScreen').then((m) => ({ default: m.IntakeScreen })));
const AdvisorScreen = lazy(() =>
  import('./features/advisor/AdvisorScreen').then((m) => ({ default: m.AdvisorScreen })),
);
const PreviewScreen = lazy(() =>
  import('./features/preview/PreviewScreen').then((m) => ({ default: m.PreviewScreen })),
);
const DeckBuilderScreen = lazy(() =>
  import('./features/deck-builder/DeckBuilderScreen').then((m) => ({ default: m.DeckBuilderScreen })),
);
const PresentScreen = lazy(() =>
  import('./features/present/PresentScreen').then((m) => ({ default: m.PresentScreen })),
);
const WrapUpScreen = lazy(() => import('./features/wrap-up/WrapUpScreen').then((m) => ({ default: m.WrapUpScreen })));
const RecordsScreen = lazy(() =>
  import('./features/records/RecordsScreen').then((m) => ({ default: m.RecordsScreen })),
);
const FollowUpsScreen = lazy(() =>
  import('./features/followUps/FollowUpsScreen').then((m) => ({ default: m.FollowUpsScreen })),
);

export function App() {
  const t = useApp((s) => s.t);
  const language = useApp((s) => s.language);
  const appInfo = useApp((s) => s.appInfo);
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const loadAppInfo = useApp((s) => s.loadAppInfo);
  const loadProspects = useApp((s) => s.loadProspects);
  const importer = useImport();
  const [dragging, setDragging] = useState(false);

  const loadProfileState = useApp((s) => s.loadProfileState);
  useEffect(() => {
    void loadProfileState();
  }, [loadProfileState]);

  useEffect(() => {
    void loadAppInfo();
    // main.tsx asks for the list before mounting; this joins that request (or makes one).
    void loadProspects();
  }, [loadAppInfo, loadProspects]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const shownRoute = useRef(route);
  shownRoute.current = route;
  useEffect(() => {
    // Back and Forward (popstate) and an address typed by hand (hashchange) both land here;
    // the second of the two events for one step finds the screen already shown.
    const onHash = () => {
      if (hashOf(shownRoute.current) !== location.hash) navigate(routeFromHash(location.hash));
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onHash);
    // The address may have changed between the store reading it and this listener (a link
    // followed while the window was starting): catch up once.
    if (hashOf(routeFromHash(location.hash)) !== hashOf(shownRoute.current)) onHash();
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onHash);
    };
  }, [navigate]);

  // A new screen takes the focus (not the page body); present mode places its own.
  const main = useRef<HTMLElement>(null);
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    if (route.screen === 'present' || !main.current) return;
    return focusScreen(main.current);
  }, [route]);

  useStickyInsets();

  // A follow-up came due: a notice in the window (and the browser's own, when allowed), each
  // opening that follow-up. A click on a desktop notification arrives as onFollowUpFocus.
  const api = useApp((s) => s.api);
  const notify = useApp((s) => s.notify);
  useEffect(() => {
    const open = (followUpId: string) => navigate({ screen: 'follow-ups', followUpId });
    const offFocus = api.onFollowUpFocus(open);
    const offReminder = api.onReminder((reminder) => {
      notify(`${reminder.title}: ${reminder.body}`, { label: t('open'), run: () => open(reminder.followUpId) });
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const n = new Notification(reminder.title, { body: reminder.body, tag: reminder.followUpId });
        n.onclick = () => open(reminder.followUpId);
      }
    });
    return () => {
      offFocus();
      offReminder();
    };
  }, [api, navigate, notify, t]);

  // Intake files dropped anywhere on the window are imported (the file picker does the same).
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      void importer.importFiles([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importer]);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">{t('appName')}</h1>
        <nav aria-label={t('navMain')} className="app-nav">
          <button
            type="button"
            className="nav-button"
            aria-current={
              ['prospects', 'intake', 'preview', 'deck', 'present', 'wrap-up'].includes(route.screen)
                ? 'page'
                : undefined
            }
            onClick={() => navigate({ screen: 'prospects' })}
          >
            {t('prospects')}
          </button>
          <FollowUpsNavButton current={route.screen === 'follow-ups'} />
          <button
            type="button"
            className="nav-button"
            aria-current={route.screen === 'settings' || route.screen === 'records' ? 'page' : undefined}
            onClick={() => navigate({ screen: 'settings' })}
          >
            {t('settings')}
          </button>
        </nav>
        {appInfo && <span className="app-version">{t('version', { v: appInfo.version })}</span>}
      </header>
      <main className="app-main" ref={main}>
        <Suspense fallback={<p className="muted">…</p>}>
          {route.screen === 'prospects' && <ProspectsScreen importer={importer} />}
          {route.screen === 'intake' && <IntakeScreen key={route.id ?? 'new'} id={route.id} />}
          {route.screen === 'settings' && <AdvisorScreen />}
          {route.screen === 'records' && <RecordsScreen />}
          {route.screen === 'preview' && <PreviewScreen key={route.id} id={route.id} />}
          {route.screen === 'deck' && <DeckBuilderScreen key={route.id} id={route.id} />}
          {route.screen === 'present' && <PresentScreen key={route.id} id={route.id} />}
          {route.screen === 'wrap-up' && <WrapUpScreen key={route.id} id={route.id} />}
          {route.screen === 'follow-ups' && <FollowUpsScreen id={route.followUpId} />}
        </Suspense>
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t('dropHere')}
        </div>
      )}
      <ToastRegion />
    </div>
  );
}
