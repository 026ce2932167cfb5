import {
  ActionButton,
  Button,
  ButtonGroup,
  Cell,
  Checkbox,
  CheckboxGroup,
  Column,
  Flex,
  InlineAlert,
  Item,
  Picker,
  ProgressCircle,
  Row,
  TableBody,
  TableHeader,
  TableView,
  Text,
  TextField,
  View,
  Content,
  Heading,
} from '@adobe/react-spectrum';
import { useMemo, useState } from 'react';
import { messageOf } from '../../api/client';
import { createOrdersClient, ORDER_STATUSES, type OrdersClient, type OrdersFilter } from '../../api/orders';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session-context';
import { useAsync } from '../../use-async';
import { OrderDetailsDialog } from './OrderDetailsDialog';

const PAGE_SIZE = 20;

const money = (amount?: string, currency?: string) => (amount ? `${amount} ${currency ?? ''}`.trim() : '—');

/** The Filter by panel (SPEC 6.5): purchase dates, order number, buyer, whole-number totals, statuses. */
const FilterPanel = ({ onApply }: { onApply: (f: OrdersFilter) => void }) => {
  const empty: OrdersFilter = { statuses: [] };
  const [f, setF] = useState<OrdersFilter>(empty);
  const set = (key: keyof OrdersFilter) => (value: string) => setF({ ...f, [key]: value });
  return (
    <View borderWidth="thin" borderColor="gray-300" borderRadius="medium" padding="size-200" marginBottom="size-200">
      <Heading level={4} margin={0}>
        Filter by
      </Heading>
      <Flex gap="size-200" wrap alignItems="end">
        <TextField
          label="Purchase Date from"
          placeholder="yyyy-mm-dd"
          value={f.purchaseDateFrom ?? ''}
          onChange={set('purchaseDateFrom')}
          data-testid="filter-date-from"
        />
        <TextField
          label="Purchase Date to"
          placeholder="yyyy-mm-dd"
          value={f.purchaseDateTo ?? ''}
          onChange={set('purchaseDateTo')}
          data-testid="filter-date-to"
        />
        <TextField
          label="Order Number"
          value={f.orderNumber ?? ''}
          onChange={set('orderNumber')}
          data-testid="filter-order-number"
        />
        <TextField
          label="Buyer's Name"
          value={f.buyerName ?? ''}
          onChange={set('buyerName')}
          data-testid="filter-buyer"
        />
        <TextField
          label="Total min"
          inputMode="numeric"
          value={f.totalMin ?? ''}
          onChange={set('totalMin')}
          width="size-1200"
          data-testid="filter-total-min"
        />
        <TextField
          label="Total max"
          inputMode="numeric"
          value={f.totalMax ?? ''}
          onChange={set('totalMax')}
          width="size-1200"
          data-testid="filter-total-max"
        />
      </Flex>
      <CheckboxGroup
        label="Status"
        orientation="horizontal"
        value={f.statuses ?? []}
        onChange={(statuses) => setF({ ...f, statuses })}
      >
        {ORDER_STATUSES.map((s) => (
          <Checkbox key={s} value={s}>
            {s}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <ButtonGroup>
        <Button variant="accent" onPress={() => onApply(f)} data-testid="filter-apply">
          Apply filters
        </Button>
        <Button
          variant="secondary"
          onPress={() => {
            setF(empty);
            onApply(empty);
          }}
          data-testid="filter-clear"
        >
          Clear all filters
        </Button>
      </ButtonGroup>
    </View>
  );
};

const Grid = ({ client, storeId }: { client: OrdersClient; storeId: string }) => {
  const [page, setPage] = useState(0);
  const [filter, setFilter] = useState<OrdersFilter>({});
  const [round, setRound] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [fetchId, setFetchId] = useState('');
  const [fetchError, setFetchError] = useState<string | null>(null);
  const importOne = async () => {
    setFetchError(null);
    try {
      await client.fetchOrder(storeId, fetchId.trim());
      setRound(round + 1);
      setOpen(fetchId.trim());
    } catch (e) {
      setFetchError(messageOf(e));
    }
  };
  const [state] = useAsync(
    () => client.list(storeId, page, PAGE_SIZE, filter),
    `orders:${storeId}:${page}:${JSON.stringify(filter)}:${round}`,
  );
  return (
    <>
      <Flex gap="size-100" alignItems="end" marginBottom="size-200">
        <TextField
          label="Import an Amazon order by number"
          value={fetchId}
          onChange={setFetchId}
          data-testid="fetch-order-id"
        />
        <Button variant="secondary" isDisabled={!fetchId.trim()} onPress={importOne} data-testid="fetch-order">
          Import order
        </Button>
        {fetchError && <Text data-testid="fetch-order-error">{fetchError}</Text>}
      </Flex>
      <FilterPanel
        onApply={(f) => {
          setPage(0);
          setFilter(f);
        }}
      />
      {state.status === 'loading' && <ProgressCircle aria-label="Loading orders" isIndeterminate />}
      {state.status === 'error' && (
        <InlineAlert variant="negative" data-testid="orders-error">
          <Content>{state.message}</Content>
        </InlineAlert>
      )}
      {state.status === 'ready' && (
        <>
          {state.data.notice && (
            <InlineAlert variant="notice" marginBottom="size-200" data-testid="orders-notice">
              <Content>{state.data.notice}</Content>
            </InlineAlert>
          )}
          {state.data.total === 0 ? (
            <EmptyState testId="orders-empty" heading="No Amazon orders yet">
              Orders placed on Amazon are imported every two minutes and appear here as Amazon reports them.
            </EmptyState>
          ) : (
            <TableView aria-label="Amazon orders" data-testid="orders-grid" density="compact">
              <TableHeader>
                <Column key="purchaseDate">Purchase Date</Column>
                <Column key="orderId">Order Number</Column>
                <Column key="status">Status</Column>
                <Column key="buyer">Buyer's Name</Column>
                <Column key="total">Grand Total</Column>
                <Column key="notes" width="30%">
                  Order Notes
                </Column>
              </TableHeader>
              <TableBody>
                {state.data.items.map((r) => (
                  <Row key={r.orderId}>
                    <Cell>{r.purchaseDate.slice(0, 16).replace('T', ' ')}</Cell>
                    <Cell>
                      <ActionButton isQuiet onPress={() => setOpen(r.orderId)} data-testid={`order-${r.orderId}`}>
                        {r.orderId}
                      </ActionButton>
                    </Cell>
                    <Cell>
                      <span data-testid={`status-${r.orderId}`}>{r.statusLabel}</span>
                    </Cell>
                    <Cell>{r.buyerName}</Cell>
                    <Cell>{money(r.grandTotal, r.currency)}</Cell>
                    <Cell>
                      <span data-testid={`notes-${r.orderId}`}>{r.notes ?? ''}</span>
                    </Cell>
                  </Row>
                ))}
              </TableBody>
            </TableView>
          )}
          <Flex gap="size-100" alignItems="center" marginTop="size-100">
            <ActionButton isDisabled={page === 0} onPress={() => setPage(page - 1)}>
              Previous
            </ActionButton>
            <Text>
              {`${page + 1} of ${Math.max(1, Math.ceil(state.data.total / PAGE_SIZE))} pages (${state.data.total} orders)`}
            </Text>
            <ActionButton isDisabled={(page + 1) * PAGE_SIZE >= state.data.total} onPress={() => setPage(page + 1)}>
              Next
            </ActionButton>
            <ActionButton onPress={() => setRound(round + 1)} data-testid="orders-refresh">
              Refresh
            </ActionButton>
          </Flex>
        </>
      )}
      {open && (
        <OrderDetailsDialog
          client={client}
          storeId={storeId}
          orderId={open}
          onClose={() => {
            setOpen(null);
            setRound(round + 1);
          }}
        />
      )}
    </>
  );
};

/** All Orders (SPEC 6.5): Amazon's orders with our Order Notes, filters, details, Cancel Order. */
export const OrdersView = () => {
  const session = useSession();
  const client = useMemo(() => createOrdersClient(session), [session]);
  const [stores] = useAsync(() => session.client.listStores(), 'stores');
  const [chosen, setChosen] = useState<string | null>(null);
  const storeId = chosen ?? (stores.status === 'ready' ? (stores.data.stores[0]?.id ?? null) : null);
  return (
    <>
      <PageHeader title="Amazon Orders" description="Orders received from Amazon, as Amazon reported them." />
      {stores.status === 'ready' && stores.data.stores.length === 0 && (
        <EmptyState testId="orders-no-store" heading="No Amazon store yet">
          Connect an Amazon store first; its orders are then imported on a schedule.
        </EmptyState>
      )}
      {storeId && stores.status === 'ready' && (
        <>
          <Picker
            label="Amazon store"
            selectedKey={storeId}
            onSelectionChange={(key) => setChosen(String(key))}
            marginBottom="size-200"
            data-testid="orders-store"
          >
            {stores.data.stores.map((s) => (
              <Item key={s.id}>{s.name}</Item>
            ))}
          </Picker>
          <Grid key={storeId} client={client} storeId={storeId} />
        </>
      )}
    </>
  );
};
