// Options page entry: the settings form over the real storage, in the browser's language and the
// user's theme.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { t, uiLocale } from '../i18n';
import { setPageStyle } from '../page-style';
import { THEME_CSS } from '../theme';
import { downloadText } from './download';
import { Options } from './Options';
import { settingsStore } from './store';
import { taughtStore } from './taught-store';
import { OPTIONS_CSS } from './styles';

document.documentElement.lang = uiLocale();
document.title = t('options_title');
setPageStyle(document, `${THEME_CSS}\n${OPTIONS_CSS}`);

const root = document.getElementById('root');
if (!root) throw new Error('options: #root missing from index.html');
render(
  <Options
    store={settingsStore(browser.storage)}
    taught={taughtStore(browser.storage)}
    download={(name, text) => downloadText(name, text)}
    themeTarget={document.documentElement}
  />,
  root,
);
