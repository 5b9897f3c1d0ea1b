import { render } from 'preact';
import { t } from '../platform/browser';
import { Library } from './Library';

document.title = t('libraryTitle');
const root = document.getElementById('app');
if (root) render(<Library />, root);
