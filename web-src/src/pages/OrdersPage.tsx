import { OrdersView } from './orders/OrdersView';

/** The Orders area (web-src/src/pages/orders). */
export const OrdersPage = OrdersView;
