import { render } from 'preact';
import { App } from './app.js';
import { installVisibleText } from './format/visible-text.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';

installVisibleText();
const root = document.getElementById('app');
if (root) render(<App />, root);
