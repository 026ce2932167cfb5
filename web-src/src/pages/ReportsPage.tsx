import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export const ReportsPage = () => (
  <>
    <PageHeader title="Reports" description="Review-only reports per Amazon store." />
    <EmptyState testId="reports-empty" heading="Reports arrive here">
      The Competitive Price Analysis report compares your landed price with the Buy Box and the lowest competitor; the
      Listing Improvements report lists Amazon's suggestions for your listings' quality.
    </EmptyState>
  </>
);
