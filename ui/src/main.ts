// The stylesheets first: the components' own styles come after them.
import './styles/palette.css';
import './styles/tokens.css';
import './styles/base.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { tauriBackend } from './lib/backend';
import { backendContext } from './lib/context';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

mount(App, { target, context: backendContext(tauriBackend) });
