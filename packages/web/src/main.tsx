import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/widgets.css';
import './styles/tables.css';
import './styles/trace.css';
import './styles/waterfall.css';
import './styles/flame.css';
import './styles/span-panel.css';
import './styles/logs.css';
import './styles/get-started.css';
import './styles/apm.css';
import './styles/service-map.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
