import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export const PricingPage = () => (
  <>
    <PageHeader
      title="Pricing Rules"
      description="Standard and intelligent repricing rules applied to Amazon listings."
    />
    <EmptyState testId="pricing-empty" heading="Pricing rules arrive here">
      Pricing rules adjust the Amazon price of matching listings: standard rules by a fixed amount or percentage,
      intelligent rules against the Buy Box or the lowest competitor, within a floor and an optional ceiling price.
    </EmptyState>
  </>
);
