// Shared styles first: each page's own styles, imported by the page, come after them.
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import { render } from 'preact';
import { App } from './app.js';
import { installVisibleText } from './format/visible-text.js';

installVisibleText();
const root = document.getElementById('app');
if (root) render(<App />, root);
