import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export const OrdersPage = () => (
  <>
    <PageHeader title="Amazon Orders" description="Orders received from Amazon, as Amazon reported them." />
    <EmptyState testId="orders-empty" heading="Amazon orders arrive here">
      Orders placed on Amazon are imported on a schedule, shown with their Amazon status, and turned into Commerce
      orders when the store's order settings allow it. Shipments and cancellations made in Commerce are sent back to
      Amazon.
    </EmptyState>
  </>
);
