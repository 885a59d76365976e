import { CatalogBrowser } from "./panels/CatalogBrowser";

/**
 * The window's layout. Until the editor lands (palette, canvas, inspector), the app shows the
 * layer catalog it is built on, so every start proves the shared catalog loads in the renderer.
 */
export function App() {
  return (
    <div className="app">
      <header className="topbar">
        <h1>NetForge</h1>
        <span className="muted">design · train · export neural networks</span>
      </header>
      <main className="content">
        <CatalogBrowser />
      </main>
    </div>
  );
}
