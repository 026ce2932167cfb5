import { Button, Content, Flex, Heading, InlineAlert, ProgressCircle } from '@adobe/react-spectrum';
import { useCallback, useEffect, useState } from 'react';
import type { StoreSummary } from '../../../src/core/store';
import { messageOf } from '../api/client';
import { storesApi, type StoreSales } from '../api/stores';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../session-context';
import { StoreCard } from './StoreCard';
import { AddStoreDialog } from './stores/AddStoreDialog';
import { useHashQuery } from './stores/hash-query';
import { StoreDashboard } from './stores/StoreDashboard';

const POLL_MS = 3000;

/**
 * Home (SPEC 1.3): one card per Amazon store and the Add Amazon Store button. `#/?store=<id>` opens that
 * store's dashboard instead. While a store waits for Amazon, the list refreshes itself, so the card turns
 * Active once the merchant confirms in the Seller Central tab.
 */
export const HomePage = () => {
  const storeId = useHashQuery().get('store');
  return storeId ? <StoreDashboard storeId={storeId} /> : <StoreList />;
};

const StoreList = () => {
  const session = useSession();
  const [stores, setStores] = useState<StoreSummary[]>();
  const [error, setError] = useState<string>();
  const [sales, setSales] = useState<Map<string, StoreSales>>(new Map());

  // Refreshes in place (no spinner), so polling never resets the cards.
  const refresh = useCallback(() => {
    session.client.listStores().then(
      (answer) => {
        setStores(answer.stores);
        setError(undefined);
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
    storesApi(session)
      .sales()
      .then(
        (answer) => setSales(new Map(answer.sales.map((entry) => [entry.storeId, entry]))),
        () => setSales(new Map()),
      );
  }, [session]);

  useEffect(refresh, [refresh]);
  const waiting = stores?.some((store) => store.status === 'pending_authorization') ?? false;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, refresh]);
  const reload = refresh;
  const state =
    error !== undefined
      ? ({ status: 'error', message: error } as const)
      : stores === undefined
        ? ({ status: 'loading' } as const)
        : ({ status: 'ready', data: { stores } } as const);

  return (
    <>
      <PageHeader
        title="Amazon Stores"
        description="Each store links one Seller Central marketplace to one Commerce website."
        actions={
          <Flex gap="size-100">
            <Button variant="secondary" onPress={reload} data-testid="stores-reload">
              Refresh
            </Button>
            <AddStoreDialog onAdded={refresh} firstStore={stores?.length === 0} />
          </Flex>
        }
      />
      {state.status === 'loading' && <ProgressCircle aria-label="Loading stores" isIndeterminate />}
      {state.status === 'error' && (
        <InlineAlert variant="negative" data-testid="stores-error">
          <Heading>Stores could not be loaded</Heading>
          <Content>{state.message}</Content>
        </InlineAlert>
      )}
      {state.status === 'ready' && state.data.stores.length === 0 && (
        <EmptyState testId="stores-empty" heading="No Amazon stores yet">
          Add a store to connect a Seller Central marketplace to one of your Commerce websites. Before you start, work
          through Learning &amp; Preparation.
        </EmptyState>
      )}
      {state.status === 'ready' && state.data.stores.length > 0 && (
        <Flex direction="column" gap="size-300" data-testid="store-list">
          {state.data.stores.map((store) => (
            <StoreCard key={store.id} store={store} sales={sales.get(store.id)} onChanged={refresh} />
          ))}
        </Flex>
      )}
    </>
  );
};
