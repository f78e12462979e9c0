// Entry of the public course site: mounts the router into #root (hydrating it when the server rendered the page).
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.js';
import { preloadPage, readPageData, seedPage } from './page-data.js';
import './styles.css';
import './print.css';

/** Events that say a visitor is about to use the page. */
const INTENT = ['pointerover', 'pointerdown', 'keydown', 'touchstart', 'focusin'] as const;

const root = document.getElementById('root');
if (root) {
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  const data = readPageData();
  if (data) {
    seedPage(data);
    const ready = preloadPage(window.location.pathname);
    const hydrate = () => {
      for (const type of INTENT) window.removeEventListener(type, hydrate, true);
      void ready.then(() => hydrateRoot(root, app));
    };
    // A visitor reads a page that is complete as the server sent it (links work as plain links): it becomes the app
    // on the first sign of use (the pointer over it, a key, a touch, focus), so loading it costs the reader no
    // main-thread time. The page's code is fetched and run at once, so hydration itself is immediate (before the
    // click that follows a pointer's arrival). A signed-in viewer's page is hydrated at once (the header shows them).
    if (data.signedIn) hydrate();
    else for (const type of INTENT) window.addEventListener(type, hydrate, { capture: true, passive: true });
  } else {
    createRoot(root).render(app);
  }
}
