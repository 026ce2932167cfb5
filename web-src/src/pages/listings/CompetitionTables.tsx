import {
  ActionButton,
  Cell,
  Column,
  Content,
  Flex,
  InlineAlert,
  ProgressCircle,
  Row,
  StatusLight,
  TableBody,
  TableHeader,
  TableView,
  Text,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import { messageOf } from '../../api/client';
import type { ListingCompetition } from '../../api/listings';
import type { AsyncState } from '../../use-async';
import { freshnessText } from '../pricing/price-history';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** Freshness of the competitor data, and Refresh (asks Amazon for this ASIN now). */
const Freshness = ({
  data,
  onRefresh,
  canRefresh,
}: {
  data: ListingCompetition;
  onRefresh: () => Promise<void>;
  canRefresh: boolean;
}) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tone = data.freshness.state === 'fresh' ? 'positive' : data.freshness.state === 'stale' ? 'notice' : 'neutral';
  return (
    <Flex direction="column" gap="size-100" marginBottom="size-150">
      <Flex gap="size-150" alignItems="center" wrap>
        <StatusLight variant={tone} data-testid="competition-freshness">
          {`${freshnessText(data.freshness)}${data.lastUpdated ? ` · Last Updated ${when(data.lastUpdated)}` : ''}${data.source ? ` · from ${data.source === 'poll' ? 'a poll' : 'a notification'}` : ''}`}
        </StatusLight>
        <ActionButton
          isDisabled={busy || !canRefresh}
          onPress={async () => {
            setBusy(true);
            setError(null);
            try {
              await onRefresh();
            } catch (e) {
              setError(messageOf(e));
            } finally {
              setBusy(false);
            }
          }}
          data-testid="competition-refresh"
        >
          {busy ? 'Asking Amazon…' : 'Refresh from Amazon'}
        </ActionButton>
      </Flex>
      {error && (
        <InlineAlert variant="negative">
          <Content>{error}</Content>
        </InlineAlert>
      )}
    </Flex>
  );
};

type Loaded = { state: AsyncState<ListingCompetition>; refresh: () => Promise<void> };

const Waiting = ({ state }: { state: AsyncState<ListingCompetition> }) =>
  state.status === 'loading' ? (
    <ProgressCircle aria-label="Loading competitor data" isIndeterminate />
  ) : state.status === 'error' ? (
    <InlineAlert variant="negative">
      <Content>{state.message}</Content>
    </InlineAlert>
  ) : null;

/** Buy Box Competitor Pricing (SPEC 4.5): who holds the Buy Box, and whether it is us. */
export const BuyBoxTable = ({ state, refresh }: Loaded) => {
  if (state.status !== 'ready') return <Waiting state={state} />;
  const { data } = state;
  const box = data.buyBox;
  return (
    <>
      <Freshness data={data} onRefresh={refresh} canRefresh={Boolean(data.asin)} />
      {!box ? (
        <Text data-testid="buybox-empty">
          {data.lastUpdated
            ? 'Amazon reports no Buy Box for this product (it needs several eligible offers).'
            : 'No competitor data for this listing yet. Refresh from Amazon, or wait for the repricing job.'}
        </Text>
      ) : (
        <TableView
          aria-label="Buy Box competitor pricing"
          data-testid="buybox-table"
          density="compact"
          overflowMode="wrap"
        >
          <TableHeader>
            <Column key="asin">ASIN</Column>
            <Column key="isSeller">Is Seller</Column>
            <Column key="condition">Condition</Column>
            <Column key="listing">Listing Price</Column>
            <Column key="shipping">Shipping Price</Column>
            <Column key="landed">Landed Price</Column>
            <Column key="updated">Last Updated</Column>
          </TableHeader>
          <TableBody>
            <Row key="buybox">
              <Cell>{box.asin}</Cell>
              <Cell>{box.isSeller}</Cell>
              <Cell>{box.condition}</Cell>
              <Cell>{`${box.listingPrice} ${data.currency ?? ''}`}</Cell>
              <Cell>{box.shippingPrice}</Cell>
              <Cell>{box.landedPrice}</Cell>
              <Cell>{when(data.lastUpdated)}</Cell>
            </Row>
          </TableBody>
        </TableView>
      )}
    </>
  );
};

/** Lowest Competitor Pricing (SPEC 4.5): every offer Amazon reported, lowest landed price first, ours marked. */
export const LowestCompetitorTable = ({ state, refresh }: Loaded) => {
  if (state.status !== 'ready') return <Waiting state={state} />;
  const { data } = state;
  return (
    <>
      <Freshness data={data} onRefresh={refresh} canRefresh={Boolean(data.asin)} />
      {data.offers.length === 0 ? (
        <Text data-testid="offers-empty">No competitor offers held for this listing yet.</Text>
      ) : (
        <TableView
          aria-label="Lowest competitor pricing"
          data-testid="offers-table"
          density="compact"
          overflowMode="wrap"
          maxHeight="size-3600"
        >
          <TableHeader>
            <Column key="asin">ASIN</Column>
            <Column key="seller">Seller</Column>
            <Column key="condition">Condition</Column>
            <Column key="channel">Fulfillment Channel</Column>
            <Column key="listing">Listing Price</Column>
            <Column key="shipping">Shipping Price</Column>
            <Column key="landed">Landed Price</Column>
            <Column key="rating">Feedback Rating</Column>
            <Column key="count">Feedback Count</Column>
            <Column key="updated">Last Updated</Column>
          </TableHeader>
          <TableBody items={data.offers.map((o, i) => ({ ...o, id: `offer-${i}` }))}>
            {(o) => (
              <Row key={o.id}>
                <Cell>{o.asin}</Cell>
                <Cell>{o.isSeller === 'Yes' ? 'You' : 'Competitor'}</Cell>
                <Cell>{o.condition}</Cell>
                <Cell>{o.fulfillmentChannel}</Cell>
                <Cell>{o.listingPrice}</Cell>
                <Cell>{o.shippingPrice}</Cell>
                <Cell>{o.landedPrice}</Cell>
                <Cell>{o.feedbackRating === null ? '—' : `${o.feedbackRating}%`}</Cell>
                <Cell>{o.feedbackCount ?? '—'}</Cell>
                <Cell>{when(data.lastUpdated)}</Cell>
              </Row>
            )}
          </TableBody>
        </TableView>
      )}
    </>
  );
};
