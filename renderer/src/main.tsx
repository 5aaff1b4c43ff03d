import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectLab } from './api/connectLab.ts';
import { App, ConnectionFailed } from './App.tsx';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/charts.css';
import './styles/journal.css';
import './styles/sweeps.css';
import { errorMessage } from '../../common/errorMessage.ts';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
const root = createRoot(container);

connectLab().then(
  (api) =>
    root.render(
      <StrictMode>
        <App api={api} />
      </StrictMode>,
    ),
  (error: unknown) => root.render(<ConnectionFailed message={errorMessage(error)} />),
);
