import {
  ActionButton,
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
  TabList,
  TabPanels,
  Tabs,
  TableBody,
  TableHeader,
  TableView,
  View,
} from '@adobe/react-spectrum';
import { useMemo, useState } from 'react';
import { messageOf } from '../../api/client';
import { createPricingClient, type DryRunReport, type PricingRule, type RuleDraft } from '../../api/pricing';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session-context';
import { type AsyncState, useAsync } from '../../use-async';
import { AnalysisView } from './AnalysisView';
import { DryRunView } from './DryRunView';
import { GuardrailsForm } from './GuardrailsForm';
import { RuleEditor } from './RuleEditor';
import { TraceView } from './TraceView';
import { downloadCsv } from '../../download';

const COLUMNS = [
  { key: 'name', name: 'Name' },
  { key: 'type', name: 'Rule Type' },
  { key: 'active', name: 'Is Active' },
  { key: 'priority', name: 'Priority' },
  { key: 'discard', name: 'Stop Further Rules Processing' },
  { key: 'from', name: 'From Date' },
  { key: 'to', name: 'To Date' },
  { key: 'actions', name: 'Action' },
] as const;

type Mode = { view: 'grid' } | { view: 'edit'; rule?: PricingRule };

/** Pricing (SPEC 5): rules grid and editor with dry run, price trace per SKU, guardrails and kill switch. */
export const PricingView = () => {
  const session = useSession();
  const client = useMemo(() => createPricingClient(session), [session]);
  const [stores] = useAsync(() => session.client.listStores(), 'stores');
  const [chosen, setChosen] = useState<string | null>(null);
  const storeId = chosen ?? (stores.status === 'ready' ? (stores.data.stores[0]?.id ?? null) : null);
  const [rules, reload] = useAsync(
    () => (storeId ? client.listRules(storeId, true) : Promise.resolve(null)),
    `rules:${storeId}`,
  );
  const [mode, setMode] = useState<Mode>({ view: 'grid' });
  const [dryRun, setDryRun] = useState<{
    state: AsyncState<DryRunReport>;
    rules: Array<PricingRule | RuleDraft>;
  } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const ruleList = rules.status === 'ready' && rules.data ? rules.data.rules : [];
  const ruleNames = new Map(ruleList.map((r) => [r.id, r.name]));
  ruleNames.set('draft', 'this rule');

  const runDryRun = (draftRules: Array<PricingRule | RuleDraft>) => {
    if (!storeId) return;
    setDryRun({ state: { status: 'loading' }, rules: draftRules });
    client.dryRun(storeId, draftRules).then(
      (data) => setDryRun({ state: { status: 'ready', data }, rules: draftRules }),
      (error) => setDryRun({ state: { status: 'error', message: messageOf(error) }, rules: draftRules }),
    );
  };
  /** The draft replaces its saved version (or joins the set) so the dry run shows the whole rule set's effect. */
  const dryRunDraft = (draft: RuleDraft) => {
    const withId = { ...draft, id: draft.id ?? 'draft' };
    runDryRun([...ruleList.filter((r) => r.id !== withId.id), withId]);
  };

  const save = async (draft: RuleDraft) => {
    if (!storeId) return;
    const saved = await client.saveRule(storeId, draft);
    setNotice(`Pricing rule "${saved.name}" saved.`);
    setMode({ view: 'grid' });
    setDryRun(null);
    reload();
  };
  const remove = async (rule: PricingRule) => {
    if (!storeId) return;
    try {
      await client.deleteRule(storeId, rule.id);
      setNotice(`Pricing rule "${rule.name}" deleted.`);
      reload();
    } catch (error) {
      setNotice(messageOf(error));
    }
  };

  const cell = (rule: PricingRule, key: (typeof COLUMNS)[number]['key']) => {
    switch (key) {
      case 'name':
        return rule.name;
      case 'type':
        return rule.action.type === 'intelligent' ? 'Intelligent' : 'Standard';
      case 'active':
        return rule.active ? 'Active' : 'Inactive';
      case 'priority':
        return rule.priority ?? '—';
      case 'discard':
        return rule.discardSubsequent ? 'Yes' : 'No';
      case 'from':
        return rule.fromDate ?? '—';
      case 'to':
        return rule.toDate ?? '—';
      case 'actions':
        return (
          <Flex gap="size-100">
            <ActionButton isQuiet onPress={() => setMode({ view: 'edit', rule })}>
              Edit Price Rule
            </ActionButton>
            <ActionButton isQuiet onPress={() => remove(rule)}>
              Delete Price Rule
            </ActionButton>
          </Flex>
        );
    }
  };

  const meta = rules.status === 'ready' && rules.data?.ruleForms ? rules.data : null;

  return (
    <>
      <PageHeader
        title="Pricing Rules"
        description="Standard and intelligent repricing rules applied to the Amazon listings of a store, with dry run, price trace and guardrails."
      />
      {stores.status === 'ready' && stores.data.stores.length === 0 && (
        <EmptyState testId="pricing-empty" heading="No Amazon store yet">
          Connect an Amazon store first; pricing rules belong to a store.
        </EmptyState>
      )}
      {stores.status === 'ready' && storeId && (
        <Picker
          label="Amazon store"
          selectedKey={storeId}
          onSelectionChange={(key) => {
            setChosen(String(key));
            setMode({ view: 'grid' });
            setDryRun(null);
          }}
          marginBottom="size-200"
          data-testid="pricing-store"
          items={stores.data.stores}
        >
          {(store) => <Item key={store.id}>{store.name}</Item>}
        </Picker>
      )}
      {notice && (
        <InlineAlert variant="info" marginBottom="size-200" data-testid="pricing-notice">
          <Content>{notice}</Content>
        </InlineAlert>
      )}
      {storeId && (
        <Tabs aria-label="Pricing" defaultSelectedKey="rules">
          <TabList>
            <Item key="rules">Pricing rules</Item>
            <Item key="trace">Price trace</Item>
            <Item key="guardrails">Guardrails</Item>
            <Item key="analysis">Competitive price analysis</Item>
          </TabList>
          <TabPanels>
            <Item key="rules">
              <View paddingTop="size-200">
                {rules.status === 'loading' && <ProgressCircle aria-label="Loading rules" isIndeterminate />}
                {rules.status === 'error' && (
                  <InlineAlert variant="negative">
                    <Heading>Rules could not be loaded</Heading>
                    <Content>{rules.message}</Content>
                  </InlineAlert>
                )}
                {mode.view === 'grid' && rules.status === 'ready' && (
                  <>
                    <Flex gap="size-100" marginBottom="size-200">
                      <Button variant="accent" onPress={() => setMode({ view: 'edit' })} data-testid="add-rule">
                        Add new pricing rule
                      </Button>
                      <Button
                        variant="secondary"
                        isDisabled={ruleList.length === 0}
                        onPress={() => runDryRun(ruleList)}
                        data-testid="dry-run-saved"
                      >
                        Dry run saved rules
                      </Button>
                    </Flex>
                    {ruleList.length === 0 ? (
                      <EmptyState testId="pricing-no-rules" heading="No pricing rules">
                        Listings are priced at the Magento Price Source until a rule applies.
                      </EmptyState>
                    ) : (
                      <TableView aria-label="Pricing rules" data-testid="rules-grid">
                        <TableHeader columns={[...COLUMNS]}>
                          {(column) => <Column key={column.key}>{column.name}</Column>}
                        </TableHeader>
                        <TableBody items={ruleList}>
                          {(rule) => (
                            <Row key={rule.id}>
                              {(key) => <Cell>{cell(rule, key as (typeof COLUMNS)[number]['key'])}</Cell>}
                            </Row>
                          )}
                        </TableBody>
                      </TableView>
                    )}
                  </>
                )}
                {mode.view === 'edit' && meta?.ruleForms && meta.conditionTypes && meta.priceAttributes && (
                  <RuleEditor
                    key={mode.rule?.id ?? 'new'}
                    meta={{
                      ruleForms: meta.ruleForms,
                      conditionTypes: meta.conditionTypes,
                      priceAttributes: meta.priceAttributes,
                    }}
                    rule={mode.rule}
                    onSave={save}
                    onDryRun={dryRunDraft}
                    onCancel={() => {
                      setMode({ view: 'grid' });
                      setDryRun(null);
                    }}
                  />
                )}
                {dryRun && (
                  <View marginTop="size-300">
                    <Heading level={3}>Dry run (nothing is saved or sent)</Heading>
                    <DryRunView
                      state={dryRun.state}
                      ruleNames={ruleNames}
                      onDownloadCsv={() =>
                        storeId &&
                        client.dryRunCsv(storeId, dryRun.rules).then(
                          (csv) => downloadCsv(`pricing-dry-run-${storeId}.csv`, csv),
                          (e) => setNotice(messageOf(e)),
                        )
                      }
                    />
                  </View>
                )}
              </View>
            </Item>
            <Item key="trace">
              <View paddingTop="size-200">
                <TraceView client={client} storeId={storeId} />
              </View>
            </Item>
            <Item key="guardrails">
              <View paddingTop="size-200">
                <GuardrailsForm client={client} storeId={storeId} />
              </View>
            </Item>
            <Item key="analysis">
              <View paddingTop="size-200">
                <AnalysisView client={client} storeId={storeId} />
              </View>
            </Item>
          </TabPanels>
        </Tabs>
      )}
    </>
  );
};
