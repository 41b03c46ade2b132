import { render } from 'preact';
import './styles.css';

render(<p>PipeCRM</p>, document.getElementById('app'));
