import { Button, Content, Flex, Heading, InlineAlert, ProgressCircle, Text, View } from '@adobe/react-spectrum';
import { useEffect, useState } from 'react';
import { messageOf } from '../../api/client';
import type { ListingsClient, RulesPreview } from '../../api/listings';
import type { ConditionGroup } from '../../api/pricing';
import { useAsync } from '../../use-async';
import { ConditionsEditor } from '../pricing/ConditionsEditor';

/** Listing Rules (SPEC 3.10): the store's condition tree, Preview Changes, Save. */
export const ListingRulesPanel = ({ client, storeId }: { client: ListingsClient; storeId: string }) => {
  const [loaded] = useAsync(() => client.rules(storeId), `rules:${storeId}`);
  const [draft, setDraft] = useState<ConditionGroup | null>(null);
  const [preview, setPreview] = useState<RulesPreview | null>(null);
  const [notice, setNotice] = useState<{ variant: 'positive' | 'negative'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (loaded.status === 'ready') setDraft(loaded.data.rules);
  }, [loaded]);
  const submit = async (save: boolean) => {
    if (!draft) return;
    setBusy(true);
    try {
      setPreview(await client.previewRules(storeId, draft, save));
      setNotice(save ? { variant: 'positive', text: 'Listing rules saved; the next sync applies them.' } : null);
    } catch (error) {
      setNotice({ variant: 'negative', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  if (loaded.status === 'loading') return <ProgressCircle aria-label="Loading rules" isIndeterminate />;
  if (loaded.status === 'error')
    return (
      <InlineAlert variant="negative">
        <Content>{loaded.message}</Content>
      </InlineAlert>
    );
  return (
    <View>
      <Text>No conditions means every product of the store's website is eligible.</Text>
      {draft && (
        <View marginY="size-200" data-testid="listing-rules-editor">
          <ConditionsEditor group={draft} types={loaded.data.conditionTypes} onChange={setDraft} />
        </View>
      )}
      <Flex gap="size-100">
        <Button variant="secondary" isDisabled={busy} onPress={() => submit(false)} data-testid="rules-preview">
          Preview Changes
        </Button>
        <Button variant="accent" isDisabled={busy} onPress={() => submit(true)} data-testid="rules-save">
          Save Listing Rules
        </Button>
      </Flex>
      {notice && (
        <InlineAlert variant={notice.variant} marginTop="size-200" data-testid="rules-notice">
          <Content>{notice.text}</Content>
        </InlineAlert>
      )}
      {preview && (
        <View marginTop="size-200" data-testid="rules-preview-result">
          <Heading level={3}>Listing Preview</Heading>
          {(['ineligible', 'eligible', 'new'] as const).map((bucket) => (
            <View key={bucket} marginBottom="size-200">
              <Heading level={4} data-testid={`preview-${bucket}`}>
                {`${bucket === 'ineligible' ? 'Ineligible Listings' : bucket === 'eligible' ? 'Eligible Listings' : 'New Listings'} - ${preview[bucket].count}`}
              </Heading>
              {preview[bucket].rows.slice(0, 10).map((r) => (
                <Text key={r.productSku} UNSAFE_style={{ display: 'block' }}>
                  {`${r.productSku} · ${r.name} · ${r.type} · ${r.status}${r.reason ? ` · ${r.reason}` : ''}`}
                </Text>
              ))}
            </View>
          ))}
        </View>
      )}
    </View>
  );
};
