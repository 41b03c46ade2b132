// Entry point of the browser app (built by web/build.mjs, served by the pipecrm binary).
import { render } from 'preact';
import { App } from './app.jsx';
import 'uplot/dist/uPlot.min.css';
import './styles.css';

render(<App />, document.getElementById('app'));
