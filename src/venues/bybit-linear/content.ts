// Content script for Bybit linear trade pages: the entry manifest/base.json names for this venue's pages only.
// It bundles this venue's reader and no other's (vite.config.ts checks the bundle).
import { startContentScript } from '../../content/index';
import { reader } from './reader';

startContentScript(reader);
