// What the figures hyperliquid's page shows for the order mean, in terms of our quote (one rule per kind
// its reader sends in OrderForm.pageEstimates; see src/venues/page-estimate-rule.ts). None yet:
// the reader sends none, so nothing is checked.
import type { VenueEstimateRules } from '../page-estimate-rule';

export const pageEstimates: VenueEstimateRules = { venue: 'hyperliquid', rules: {} };
