import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export const ListingsPage = () => (
  <>
    <PageHeader
      title="Product Listings"
      description="Commerce products matched to Amazon listings, by listing status."
    />
    <EmptyState testId="listings-empty" heading="Listings arrive here">
      Once a store is active, its catalog is matched against Amazon and each product appears under its tab: Incomplete,
      New Third Party, Ready to List, Active, Inactive, Ineligible, Overrides and Ended.
    </EmptyState>
  </>
);
