// The deck theme is scoped under .deck: it styles the live slides of Preview deck only.
// First, then the app's base styles: each feature's stylesheet (imported by its screen) comes after them.
import '../../templates/deck/theme.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createHttpClient } from './api/http';
import { createAppStore, StoreProvider } from './store';
import { prefetchPresent, prefetchPresentWhenIdle } from './features/present/prefetch';

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html has no #root element');

// The one place that chooses the transport: the preload's bridge in the Electron window,
// HTTP to the local web host in a browser (npm run web).
const api = window.advisorDeck ?? createHttpClient();
const store = createAppStore(api);
// Asked for before React mounts: the list is on its way while the window's code starts.
void store.getState().loadProspects();
// Present mode asks for its code and data at once, not one after the other (see prefetch.ts).
const initial = store.getState().route;
if (initial.screen === 'present') prefetchPresent(api, initial.id);
else prefetchPresentWhenIdle();
store.subscribe((state, previous) => {
  if (state.route !== previous.route && state.route.screen === 'present') prefetchPresent(api, state.route.id);
});

createRoot(container).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
