import {
  Button,
  ButtonGroup,
  Cell,
  Column,
  Content,
  Dialog,
  DialogContainer,
  Divider,
  Flex,
  Heading,
  InlineAlert,
  Item,
  Picker,
  ProgressCircle,
  Row,
  TableBody,
  TableHeader,
  TableView,
  TabList,
  TabPanels,
  Tabs,
  Text,
  TextField,
  View,
} from '@adobe/react-spectrum';
import { useEffect, useState } from 'react';
import { messageOf } from '../../api/client';
import { CANCEL_REASONS, type OrderDetails, type OrdersClient } from '../../api/orders';

const Field = ({
  label,
  value,
  testId,
}: {
  label: string;
  value: string | number | boolean | null;
  testId?: string;
}) => (
  <Flex direction="column" width="size-2400" marginBottom="size-100">
    <Text UNSAFE_style={{ fontSize: 12, opacity: 0.7 }}>{label}</Text>
    <Text data-testid={testId}>
      {value === null || value === '' ? '—' : typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value)}
    </Text>
  </Flex>
);

const AddressForm = ({
  order,
  onSave,
}: {
  order: OrderDetails;
  onSave: (address: OrderDetails['address']) => void;
}) => {
  const [a, setA] = useState(order.address);
  const line = (k: number) => (value: string) => {
    const lines = [...a.lines];
    lines[k] = value;
    setA({ ...a, lines });
  };
  const disabled = !order.addressEditable;
  return (
    <Flex direction="column" gap="size-100">
      <Heading level={4}>Shipping address</Heading>
      <Flex gap="size-200" wrap>
        {[0, 1, 2].map((k) => (
          <TextField
            key={k}
            label={`Shipping address ${k + 1}`}
            value={a.lines[k] ?? ''}
            onChange={line(k)}
            isDisabled={disabled}
          />
        ))}
        <TextField
          label="Shipping city"
          value={a.city}
          onChange={(city) => setA({ ...a, city })}
          isDisabled={disabled}
          data-testid="address-city"
        />
        <TextField
          label="Shipping region"
          value={a.region}
          onChange={(region) => setA({ ...a, region })}
          isDisabled={disabled}
        />
        <TextField
          label="Shipping postal code"
          value={a.postalCode}
          onChange={(postalCode) => setA({ ...a, postalCode })}
          isDisabled={disabled}
        />
        <TextField
          label="Shipping country"
          value={a.country}
          onChange={(country) => setA({ ...a, country })}
          isDisabled={disabled}
          width="size-1200"
        />
      </Flex>
      {order.addressEditable ? (
        <Button variant="accent" onPress={() => onSave(a)} alignSelf="start" data-testid="order-save">
          Save Order
        </Button>
      ) : (
        <Text>The Commerce order exists: change its address in Commerce.</Text>
      )}
    </Flex>
  );
};

/** Amazon Order Details (SPEC 6.5): header actions, details-and-shipping / items / tracking tabs, Cancel Order. */
export const OrderDetailsDialog = ({
  client,
  storeId,
  orderId,
  onClose,
}: {
  client: OrdersClient;
  storeId: string;
  orderId: string;
  onClose: () => void;
}) => {
  const [order, setOrder] = useState<OrderDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [canceling, setCanceling] = useState(false);
  const [reason, setReason] = useState<string>('NoInventory');
  useEffect(() => {
    client.details(storeId, orderId).then(setOrder, (e) => setError(messageOf(e)));
  }, [client, storeId, orderId]);
  const run = async (label: string, fn: () => Promise<OrderDetails>) => {
    setBusy(label);
    setError(null);
    try {
      setOrder(await fn());
      setCanceling(false);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <DialogContainer onDismiss={onClose} type="fullscreen">
      <Dialog>
        <Heading>{`Amazon order ${orderId}`}</Heading>
        <Divider />
        <Content>
          {!order && !error && <ProgressCircle aria-label="Loading order" isIndeterminate />}
          {error && (
            <InlineAlert variant="negative" marginBottom="size-200" data-testid="order-error">
              <Content>{error}</Content>
            </InlineAlert>
          )}
          {busy && <Text>{`${busy}…`}</Text>}
          {order && (
            <>
              {canceling && (
                <View borderWidth="thin" borderColor="negative" padding="size-200" marginBottom="size-200">
                  <Picker
                    label="Reason for cancellation"
                    selectedKey={reason}
                    onSelectionChange={(k) => setReason(String(k))}
                    data-testid="cancel-reason"
                  >
                    {CANCEL_REASONS.map((r) => (
                      <Item key={r.id}>{r.label}</Item>
                    ))}
                  </Picker>
                  <ButtonGroup marginTop="size-100">
                    <Button
                      variant="negative"
                      onPress={() => run('Canceling', () => client.cancel(storeId, orderId, reason))}
                      data-testid="cancel-confirm"
                    >
                      Confirm
                    </Button>
                    <Button variant="secondary" onPress={() => setCanceling(false)}>
                      Keep the order
                    </Button>
                  </ButtonGroup>
                </View>
              )}
              <Tabs aria-label="Order details">
                <TabList>
                  <Item key="details">Order details and shipping</Item>
                  <Item key="items">Order items</Item>
                  <Item key="tracking">Tracking</Item>
                </TabList>
                <TabPanels>
                  <Item key="details">
                    <Flex wrap marginTop="size-200">
                      <Field
                        label="Magento order number"
                        value={
                          order.commerceOrderNumber ?? (order.commerceOrderId ? String(order.commerceOrderId) : null)
                        }
                        testId="detail-commerce-number"
                      />
                      <Field label="Status" value={order.status} testId="detail-status" />
                      <Field label="Notes" value={order.notes} testId="detail-notes" />
                      <Field label="Buyer email" value={order.buyerEmail} />
                      <Field label="Buyer name" value={order.buyerName} />
                      <Field label="Currency" value={order.currency} />
                      <Field label="Order total" value={order.orderTotal} testId="detail-total" />
                      <Field label="Inventory reserved" value={order.inventoryReserved} />
                      <Field label="Premium" value={order.premium} />
                      <Field label="Prime" value={order.prime} />
                      <Field label="Purchase date" value={order.purchaseDate} />
                      <Field label="Latest ship date" value={order.latestShipDate} />
                      <Field label="Shipping service level" value={order.shippingServiceLevel} />
                      <Field label="Shipped by Amazon" value={order.shippedByAmazon} />
                      <Field label="Business" value={order.business} />
                      <Field label="Items shipped" value={order.itemsShipped} />
                      <Field label="Items unshipped" value={order.itemsUnshipped} />
                      <Field label="Fulfillment channel" value={order.fulfillmentChannel} />
                      <Field label="Shipping phone number" value={order.shippingPhone} />
                    </Flex>
                    <AddressForm
                      key={JSON.stringify(order.address)}
                      order={order}
                      onSave={(a) => run('Saving', () => client.saveAddress(storeId, orderId, a))}
                    />
                  </Item>
                  <Item key="items">
                    <TableView aria-label="Order items" density="compact" marginTop="size-200">
                      <TableHeader>
                        <Column>Magento Order Number</Column>
                        <Column>Qty Shipped</Column>
                        <Column>Qty Ordered</Column>
                        <Column>Title</Column>
                        <Column>ASIN</Column>
                        <Column>Amazon Seller SKU</Column>
                        <Column>Condition</Column>
                        <Column>Row Price</Column>
                        <Column>Row Tax</Column>
                        <Column>Shipping Price</Column>
                      </TableHeader>
                      <TableBody>
                        {order.items.map((i) => (
                          <Row key={i.orderItemId}>
                            <Cell>{i.commerceOrderNumber ?? '—'}</Cell>
                            <Cell>{i.qtyShipped}</Cell>
                            <Cell>{i.qtyOrdered}</Cell>
                            <Cell>{i.title}</Cell>
                            <Cell>{i.asin}</Cell>
                            <Cell>{i.sellerSku}</Cell>
                            <Cell>{i.condition}</Cell>
                            <Cell>{i.rowPrice ?? '—'}</Cell>
                            <Cell>{i.rowTax ?? '—'}</Cell>
                            <Cell>{i.shippingPrice ?? '—'}</Cell>
                          </Row>
                        ))}
                      </TableBody>
                    </TableView>
                  </Item>
                  <Item key="tracking">
                    {order.tracking.length === 0 ? (
                      <Text>No shipment with tracking yet.</Text>
                    ) : (
                      <TableView
                        aria-label="Tracking"
                        density="compact"
                        marginTop="size-200"
                        data-testid="tracking-table"
                      >
                        <TableHeader>
                          <Column>Magento Order Number</Column>
                          <Column>Title</Column>
                          <Column>Quantity</Column>
                          <Column>Carrier Code</Column>
                          <Column>Shipping Method</Column>
                          <Column>Tracking Number</Column>
                        </TableHeader>
                        <TableBody>
                          {order.tracking.map((t) => (
                            <Row key={t.id}>
                              <Cell>{t.commerceOrderNumber ?? '—'}</Cell>
                              <Cell>{t.title}</Cell>
                              <Cell>{t.quantity}</Cell>
                              <Cell>{t.carrierCode}</Cell>
                              <Cell>{t.shippingMethod}</Cell>
                              <Cell>{t.trackingNumber}</Cell>
                            </Row>
                          ))}
                        </TableBody>
                      </TableView>
                    )}
                  </Item>
                </TabPanels>
              </Tabs>
            </>
          )}
        </Content>
        <ButtonGroup>
          <Button variant="secondary" onPress={onClose} data-testid="order-back">
            Back
          </Button>
          {order && (order.ledgerStatus === 'blocked' || order.ledgerStatus === 'failed') && (
            <Button
              variant="secondary"
              onPress={() => run('Retrying', () => client.retry(storeId, orderId))}
              data-testid="order-retry"
            >
              Retry import
            </Button>
          )}
          {order?.canCancel && (
            <Button variant="negative" onPress={() => setCanceling(true)} data-testid="order-cancel">
              Cancel Order
            </Button>
          )}
        </ButtonGroup>
      </Dialog>
    </DialogContainer>
  );
};
