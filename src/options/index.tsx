import { render } from 'preact';
import { Library } from './Library';

const root = document.getElementById('app');
if (root) render(<Library />, root);
