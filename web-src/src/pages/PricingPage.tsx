import { PricingView } from './pricing/PricingView';

/** The Pricing area (web-src/src/pages/pricing). */
export const PricingPage = PricingView;
