// The side names, shared by the overlay's view builders and components.
import type { Side } from '../../core/types';
import { t } from '../i18n';

/** The side's name as the overlay's column headings write it. */
export const sideTitle = (side: Side): string => t(side === 'long' ? 'overlay_long' : 'overlay_short');
