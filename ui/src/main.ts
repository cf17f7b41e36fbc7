import { mount } from 'svelte';
import App from './App.svelte';
import { tauriBackend } from './lib/backend';
import { backendContext } from './lib/context';
import './styles/palette.css';
import './styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

mount(App, { target, context: backendContext(tauriBackend) });
