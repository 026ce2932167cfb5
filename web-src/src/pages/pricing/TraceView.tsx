import {
  Button,
  Content,
  Flex,
  Heading,
  InlineAlert,
  ProgressCircle,
  Text,
  TextField,
  View,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import { messageOf } from '../../api/client';
import type { PriceTrace, PricingClient } from '../../api/pricing';
import { PriceHistoryChart } from './PriceHistoryChart';
import { freshnessText } from './price-history';

/** Price trace per SKU: every step from the price source to the final price, and the last repricing outcome. */
export const TraceView = ({ client, storeId }: { client: PricingClient; storeId: string }) => {
  const [sku, setSku] = useState('');
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'loading' }
    | { status: 'error'; message: string }
    | { status: 'ready'; data: PriceTrace }
  >({ status: 'idle' });
  const lookUp = async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', data: await client.priceTrace(storeId, sku.trim()) });
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) });
    }
  };
  return (
    <View>
      <Flex gap="size-100" alignItems="end" marginBottom="size-200">
        <TextField label="Amazon seller SKU" value={sku} onChange={setSku} data-testid="trace-sku" />
        <Button variant="accent" onPress={lookUp} isDisabled={!sku.trim()} data-testid="trace-lookup">
          Show price trace
        </Button>
      </Flex>
      {state.status === 'loading' && <ProgressCircle aria-label="Computing the price" isIndeterminate />}
      {state.status === 'error' && (
        <InlineAlert variant="negative">
          <Heading>No trace</Heading>
          <Content>{state.message}</Content>
        </InlineAlert>
      )}
      {state.status === 'ready' && (
        <View data-testid="trace-result">
          <Flex gap="size-300" wrap marginBottom="size-150">
            <Text>
              Price now: <strong data-testid="trace-price">{state.data.result.price ?? 'unpriceable'}</strong>{' '}
              {state.data.result.currency}
            </Text>
            <Text>Live on Amazon: {state.data.livePrice ?? '—'}</Text>
            <Text>ASIN: {state.data.asin ?? '—'}</Text>
            <Text>Competitor data: {state.data.competitorsUpdatedAt ?? 'none yet'}</Text>
            <Text data-testid="trace-freshness">{freshnessText(state.data.competitorFreshness)}</Text>
            {state.data.lastOutcome && (
              <Text>
                Last repricing: {state.data.lastOutcome.decision}
                {state.data.lastOutcome.reason ? ` (${state.data.lastOutcome.reason})` : ''}
                {state.data.lastOutcome.price ? ` at ${state.data.lastOutcome.price}` : ''}
              </Text>
            )}
          </Flex>
          <View marginBottom="size-150" data-testid="trace-history">
            <Heading level={4}>Price history</Heading>
            <PriceHistoryChart history={state.data.history} currency={state.data.result.currency} />
          </View>
          <ol data-testid="trace-lines">
            {state.data.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: trace lines are ordered steps and may repeat.
              <li key={i}>{line}</li>
            ))}
          </ol>
        </View>
      )}
    </View>
  );
};
