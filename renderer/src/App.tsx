import { useEffect } from 'react';
import { useAppStore } from './store';

export function App() {
  const prospects = useAppStore((state) => state.prospects);
  const appInfo = useAppStore((state) => state.appInfo);
  const loadAppInfo = useAppStore((state) => state.loadAppInfo);

  useEffect(() => {
    void loadAppInfo();
  }, [loadAppInfo]);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">Advisor Deck</h1>
        {appInfo && <span className="app-version">Version {appInfo.version}</span>}
      </header>
      <main className="app-main">
        {prospects.length === 0 ? (
          <section className="empty-state" aria-labelledby="empty-state-title">
            <h2 id="empty-state-title">No prospects yet</h2>
            <p>When a prospect sends their intake form, they will appear here, ready for a short first-meeting deck made for them.</p>
          </section>
        ) : (
          <ul className="prospect-list" aria-label="Prospects">
            {prospects.map((prospect) => (
              <li key={prospect.id}>{prospect.name}</li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
