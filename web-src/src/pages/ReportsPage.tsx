import { PageHeader } from '../components/PageHeader';
import { ListingImprovementsView } from './reports/ListingImprovementsView';

export const ReportsPage = () => (
  <>
    <PageHeader title="Reports" description="Review-only reports per Amazon store." />
    <ListingImprovementsView />
  </>
);
