import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Heading,
  InlineAlert,
  Item,
  ProgressCircle,
  TabList,
  TabPanels,
  Tabs,
  Text,
  View,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import type { ListingCompetition, ListingsClient } from '../../api/listings';
import { type AsyncState, useAsync } from '../../use-async';
import { BuyBoxTable, LowestCompetitorTable } from './CompetitionTables';

/**
 * Product Listing Details (SPEC 4.5): listing details, offer Amazon holds, overrides, issues, activity log; and the
 * Buy Box / Lowest Competitor tabs from the competitor data the repricer holds (asc/listing-competition).
 */
export const ListingDetailsDialog = ({
  client,
  storeId,
  sku,
  onClose,
}: {
  client: ListingsClient;
  storeId: string;
  sku: string;
  onClose: () => void;
}) => {
  const [details] = useAsync(() => client.details(storeId, sku), `details:${storeId}:${sku}`);
  const [loaded] = useAsync(() => client.competition(storeId, sku), `competition:${storeId}:${sku}`);
  const [refreshed, setRefreshed] = useState<ListingCompetition | null>(null);
  const competition: AsyncState<ListingCompetition> = refreshed ? { status: 'ready', data: refreshed } : loaded;
  const refresh = async () => setRefreshed(await client.competition(storeId, sku, true));
  const l = details.status === 'ready' ? (details.data.listing as Record<string, unknown>) : undefined;
  const accepted = (l?.lastAccepted ?? {}) as Record<string, unknown>;
  const overrides = (l?.overrides ?? {}) as Record<string, unknown>;
  const issues = (l?.issues ?? []) as Array<{ code: string; message: string; severity: string }>;
  const line = (label: string, value: unknown) => (
    <Text
      UNSAFE_style={{ display: 'block' }}
    >{`${label}: ${value === undefined || value === null || value === '' ? '—' : String(value)}`}</Text>
  );
  return (
    <Dialog data-testid="listing-details" size="L" UNSAFE_style={{ width: 'min(1200px, 94vw)', maxWidth: '94vw' }}>
      <Heading>{`Product Listing Details – ${sku}`}</Heading>
      <Divider />
      <Content>
        {details.status === 'loading' && <ProgressCircle aria-label="Loading" isIndeterminate />}
        {details.status === 'error' && (
          <InlineAlert variant="negative">
            <Content>{details.message}</Content>
          </InlineAlert>
        )}
        {l && details.status === 'ready' && (
          <Tabs aria-label="Listing details sections" defaultSelectedKey="details">
            <TabList>
              <Item key="details">Listing Details</Item>
              <Item key="buybox">Buy Box Competitor Pricing</Item>
              <Item key="lowest">Lowest Competitor Pricing</Item>
            </TabList>
            <TabPanels>
              <Item key="details">
                <View paddingTop="size-150">
                  {line('Amazon Name', l.name)}
                  {line('Catalog (Magento) SKU', l.productSku)}
                  {line('Amazon Seller SKU', l.sellerSku)}
                  {line('ASIN', l.asin)}
                  {line('Status', details.data.statusLabel)}
                  {line('Fulfilled By', l.fulfillment)}
                  {line('Price on Amazon', accepted.price)}
                  {line('Quantity on Amazon', accepted.quantity)}
                  {line('Handling Time (days)', accepted.handlingTimeDays)}
                  {line('Price Override', overrides.price)}
                  {line('Handling Time Override', overrides.handlingTimeDays)}
                  {line('Condition Override', overrides.condition ?? 'Not Selected')}
                  {line('Seller Notes Override', overrides.sellerNotes)}
                  {issues.map((i) => (
                    <Text
                      key={`${i.code}${i.message}`}
                      UNSAFE_style={{ display: 'block', color: 'var(--spectrum-negative-color-900)' }}
                    >
                      {`${i.severity} ${i.code}: ${i.message}`}
                    </Text>
                  ))}
                  <Heading level={4}>Listing Activity Log</Heading>
                  {details.data.activity.length === 0 && <Text>No activity yet.</Text>}
                  {details.data.activity.map((a) => (
                    <Text
                      key={String(a.id ?? `${a.at}${a.action}${a.comments}`)}
                      UNSAFE_style={{ display: 'block' }}
                      data-testid="activity-entry"
                    >
                      {`${new Date(a.at).toLocaleString()} · ${a.action} · ${a.comments ?? ''}`}
                    </Text>
                  ))}
                </View>
              </Item>
              <Item key="buybox">
                <View paddingTop="size-150" data-testid="buybox-tab">
                  <BuyBoxTable state={competition} refresh={refresh} />
                </View>
              </Item>
              <Item key="lowest">
                <View paddingTop="size-150" data-testid="lowest-tab">
                  <LowestCompetitorTable state={competition} refresh={refresh} />
                </View>
              </Item>
            </TabPanels>
          </Tabs>
        )}
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onClose} data-testid="details-close">
          Close
        </Button>
      </ButtonGroup>
    </Dialog>
  );
};
