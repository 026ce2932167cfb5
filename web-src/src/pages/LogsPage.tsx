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
  { key: 'store', name: 'Amazon Store Name', width: '1.3fr' },
  { key: 'code', name: 'Error Code', width: '1.5fr' },
  { key: 'message', name: 'Message', width: '2.6fr' },
  { key: 'operation', name: 'Operation', width: '1.8fr' },
  { key: 'httpStatus', name: 'HTTP', width: '0.6fr' },
  { key: 'at', name: 'Created On', width: '1.3fr' },
] as const;

/** Communication Errors Log (SPEC §7.2): what Amazon answered when a call failed. Review only. */
export const LogsPage = () => {
  const { client } = useSession();
  const [storeId, setStoreId] = useState<string>(ALL_STORES);
  // Cursors of the pages opened so far: the last one is the page shown ('' is the newest page).
  const [cursors, setCursors] = useState<string[]>(['']);
  const cursor = cursors[cursors.length - 1];
  const [stores] = useAsync(() => client.listStores(), 'stores');
  const filter = storeId === ALL_STORES ? undefined : storeId;
  const [errors, reload] = useAsync(
    () => client.listCommunicationErrors({ storeId: filter, limit: PAGE_SIZE, cursor: cursor || undefined }),
    `${filter ?? ''}:${cursor}`,
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
  const nextCursor = errors.status === 'ready' ? errors.data.nextCursor : null;

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
            setCursors(['']);
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
      {errors.status === 'ready' && errors.data.items.length === 0 && cursors.length === 1 && (
        <EmptyState testId="logs-empty" heading="No communication errors">
          When Amazon rejects or fails a request (throttling, authorization, invalid data), the error is recorded here
          with Amazon's error code and message.
        </EmptyState>
      )}
      {errors.status === 'ready' && (errors.data.items.length > 0 || cursors.length > 1) && (
        <>
          <TableView aria-label="Communication errors" data-testid="logs-table" overflowMode="wrap" density="compact">
            <TableHeader columns={[...COLUMNS]}>
              {(column) => (
                <Column key={column.key} width={column.width}>
                  {column.name}
                </Column>
              )}
            </TableHeader>
            <TableBody items={errors.data.items}>
              {(item) => (
                <Row key={item.id}>{(key) => <Cell>{cell(item, key as (typeof COLUMNS)[number]['key'])}</Cell>}</Row>
              )}
            </TableBody>
          </TableView>
          {(cursors.length > 1 || nextCursor) && (
            <Flex alignItems="center" gap="size-200" marginTop="size-200">
              <Button
                variant="secondary"
                isDisabled={cursors.length <= 1}
                onPress={() => setCursors(cursors.slice(0, -1))}
                data-testid="logs-previous"
              >
                Newer
              </Button>
              <Text data-testid="logs-page">Page {cursors.length}</Text>
              <Button
                variant="secondary"
                isDisabled={!nextCursor}
                onPress={() => nextCursor && setCursors([...cursors, nextCursor])}
                data-testid="logs-next"
              >
                Older
              </Button>
            </Flex>
          )}
        </>
      )}
    </>
  );
};
