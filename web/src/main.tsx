// Entry of the public course site: mounts the router into #root (hydrating it when the server rendered the page).
import { StrictMode, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.js';
import { preloadPage, readPageData, seedPage } from './page-data.js';
import { hydrateInTurns } from './components/InTurn.js';
import './styles.css';
import './print.css';

/** Marks the page as live (`<html data-hydrated>`) once its first commit ran: before it, a server-rendered menu button does nothing. */
function Live() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}

const root = document.getElementById('root');
if (root) {
  const app = (
    <StrictMode>
      <App />
      <Live />
    </StrictMode>
  );
  const data = readPageData();
  if (data) {
    seedPage(data);
    // Hydrated as soon as the page's code is in: parts of a page are the app's alone (a visitor's panels on the
    // schedule, the calendar feed's full address, the sign-in link's way back), so waiting for a first sign of use
    // showed visitors an incomplete page.
    // Hydrated in a task after the one that ran the code (not both in one long task); a long page hydrates its top
    // then, and its later parts (InTurn) each in a task of its own.
    void preloadPage(window.location.pathname, data.course)
      .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
      .then(() => {
        hydrateInTurns();
        hydrateRoot(root, app);
      });
  } else {
    createRoot(root).render(app);
  }
}
