import {
  Button,
  Cell,
  Column,
  Content,
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
  Text,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import type { CommunicationError } from '../api/schemas';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { useSession } from '../session-context';
import { useAsync } from '../use-async';

const PAGE_SIZE = 20;
const ALL_STORES = '__all__';

const COLUMNS = [
  { key: 'store', name: 'Amazon Store Name' },
  { key: 'code', name: 'Error Code' },
  { key: 'message', name: 'Message' },
  { key: 'operation', name: 'Operation' },
  { key: 'httpStatus', name: 'HTTP status' },
  { key: 'at', name: 'Created On' },
] as const;

/** Communication Errors Log (SPEC §7.2): what Amazon answered when a call failed. Review only. */
export const LogsPage = () => {
  const { client } = useSession();
  const [storeId, setStoreId] = useState<string>(ALL_STORES);
  const [page, setPage] = useState(1);
  const [stores] = useAsync(() => client.listStores(), 'stores');
  const filter = storeId === ALL_STORES ? undefined : storeId;
  const [errors, reload] = useAsync(
    () => client.listCommunicationErrors({ storeId: filter, page, pageSize: PAGE_SIZE }),
    `${filter ?? ''}:${page}`,
  );

  const storeNames = new Map(
    stores.status === 'ready' ? stores.data.stores.map((store) => [store.id, store.name]) : [],
  );
  const storeName = (item: CommunicationError) => (item.storeId ? (storeNames.get(item.storeId) ?? item.storeId) : '—');
  const cell = (item: CommunicationError, key: (typeof COLUMNS)[number]['key']): string => {
    if (key === 'store') return storeName(item);
    if (key === 'at') return formatDateTime(item.at);
    if (key === 'httpStatus') return item.httpStatus === undefined ? '—' : String(item.httpStatus);
    return item[key];
  };
  const lastPage = errors.status === 'ready' ? Math.max(1, Math.ceil(errors.data.total / errors.data.pageSize)) : 1;

  return (
    <>
      <PageHeader
        title="Communication Errors"
        description="Errors Amazon reported while the channel talked to Seller Central. Entries are purged on the Clear Log History schedule."
      />
      <Flex alignItems="end" gap="size-200" marginBottom="size-200">
        <Picker
          label="Amazon store"
          data-testid="logs-store-filter"
          selectedKey={storeId}
          onSelectionChange={(key) => {
            setStoreId(String(key));
            setPage(1);
          }}
        >
          {[{ id: ALL_STORES, name: 'All stores' }, ...(stores.status === 'ready' ? stores.data.stores : [])].map(
            (store) => (
              <Item key={store.id}>{store.name}</Item>
            ),
          )}
        </Picker>
        <Button variant="secondary" onPress={reload} data-testid="logs-reload">
          Refresh
        </Button>
      </Flex>
      {errors.status === 'loading' && <ProgressCircle aria-label="Loading communication errors" isIndeterminate />}
      {errors.status === 'error' && (
        <InlineAlert variant="negative" data-testid="logs-error">
          <Heading>Communication errors could not be loaded</Heading>
          <Content>{errors.message}</Content>
        </InlineAlert>
      )}
      {errors.status === 'ready' && errors.data.items.length === 0 && (
        <EmptyState testId="logs-empty" heading="No communication errors">
          When Amazon rejects or fails a request (throttling, authorization, invalid data), the error is recorded here
          with Amazon's error code and message.
        </EmptyState>
      )}
      {errors.status === 'ready' && errors.data.items.length > 0 && (
        <>
          <TableView aria-label="Communication errors" data-testid="logs-table" overflowMode="wrap" density="compact">
            <TableHeader columns={[...COLUMNS]}>
              {(column) => <Column key={column.key}>{column.name}</Column>}
            </TableHeader>
            <TableBody items={errors.data.items}>
              {(item) => (
                <Row key={item.id}>{(key) => <Cell>{cell(item, key as (typeof COLUMNS)[number]['key'])}</Cell>}</Row>
              )}
            </TableBody>
          </TableView>
          <Flex alignItems="center" gap="size-200" marginTop="size-200">
            <Button
              variant="secondary"
              isDisabled={page <= 1}
              onPress={() => setPage(page - 1)}
              data-testid="logs-previous"
            >
              Previous
            </Button>
            <Text data-testid="logs-page">
              Page {errors.data.page} of {lastPage} · {errors.data.total} errors
            </Text>
            <Button
              variant="secondary"
              isDisabled={page >= lastPage}
              onPress={() => setPage(page + 1)}
              data-testid="logs-next"
            >
              Next
            </Button>
          </Flex>
        </>
      )}
    </>
  );
};
