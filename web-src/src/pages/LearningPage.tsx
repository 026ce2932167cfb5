import { Content, Heading, Link, ProgressCircle, StatusLight, Text, View, Well } from '@adobe/react-spectrum';
import { type PreparationCheck, storesApi } from '../api/stores';
import { useSession } from '../session-context';
import { useAsync } from '../use-async';
import { PageHeader } from '../components/PageHeader';

/** The pre-setup tasks (SPEC §2.1): what to prepare in Seller Central and Commerce before adding a store. */
const TASKS: ReadonlyArray<{ title: string; detail: string; check?: PreparationCheck['id'] }> = [
  {
    title: 'Run background jobs (alarms)',
    detail: 'The app’s alarms replace the Commerce cron: they sync prices, quantities and orders every minute.',
    check: 'alarms',
  },
  {
    title: 'Create a Seller Central Professional account',
    detail:
      'North America (US, CA, MX) or Europe (UK). The account must be approved without product or category restrictions.',
  },
  { title: 'Get approved as a seller', detail: 'Amazon must approve the account before listings can be published.' },
  {
    title: 'Set up returns, taxes and shipping in Seller Central',
    detail:
      'A return policy at least as generous as Amazon’s, tax settings, and shipping templates (Settings > Shipping Settings).',
  },
  {
    title: 'UK sellers: enrol in the Amazon VAT Calculation Service',
    detail: 'Activation takes 10–14 days, so start early.',
  },
  {
    title: 'Add product identifier attributes in Commerce',
    detail: 'ASIN, EAN, ISBN, UPC or GCID values raise the share of products matched to Amazon automatically.',
    check: 'identifiers',
  },
  {
    title: 'Configure currencies and conversion rates',
    detail: 'Needed when the Amazon marketplace currency differs from the Commerce website currency.',
    check: 'currency',
  },
  {
    title: 'Create a condition attribute if you sell more than one condition',
    detail: 'For example new and used; it maps each product to Amazon’s listing condition.',
  },
  {
    title: 'Configure shipping methods in Seller Central',
    detail: 'Amazon uses them for your offers, and intelligent repricing needs the synced shipping rates.',
  },
  {
    title: 'Authorize the app in Seller Central',
    detail: 'Each store must be authorized by the seller account’s primary user, and renewed every year.',
    check: 'authorization',
  },
];

const CHECK_LIGHT = {
  done: { variant: 'positive', label: 'Done' },
  todo: { variant: 'notice', label: 'To do' },
  unknown: { variant: 'neutral', label: 'Could not check' },
} as const;

const CheckResult = ({ check }: { check?: PreparationCheck }) =>
  check ? (
    <div data-testid={`check-${check.id}`} data-status={check.status}>
      <StatusLight variant={CHECK_LIGHT[check.status].variant}>
        {CHECK_LIGHT[check.status].label}: {check.detail}
      </StatusLight>
    </div>
  ) : null;

export const LearningPage = () => {
  const session = useSession();
  const [checks] = useAsync(() => storesApi(session).preparationChecks(), 'preparation-checks');
  const byId = new Map(checks.status === 'ready' ? checks.data.checks.map((check) => [check.id, check]) : []);
  return (
    <>
      <PageHeader
        title="Learning & Preparation"
        description="Prepare Seller Central and Commerce before adding a store."
      />
      {checks.status === 'loading' && <ProgressCircle size="S" aria-label="Checking your setup" isIndeterminate />}
      {checks.status === 'error' && (
        <Text data-testid="checks-error">The setup could not be checked: {checks.message}</Text>
      )}
      <ol data-testid="pre-setup-tasks" style={{ paddingInlineStart: 20, maxWidth: 720 }}>
        {TASKS.map((task) => (
          <li key={task.title} style={{ marginBottom: 12 }}>
            <Text UNSAFE_style={{ fontWeight: 700 }}>{task.title}</Text>
            <br />
            <Text>{task.detail}</Text>
            {task.check && <CheckResult check={byId.get(task.check)} />}
          </li>
        ))}
      </ol>
      <View maxWidth="size-6000">
        <Well>
          <Heading level={4} margin={0}>
            Tip: pause the marketplace while you set up
          </Heading>
          <Content>
            Put the Amazon region in vacation mode (Seller Central: Settings &gt; Account Info &gt; Vacation Settings)
            until listings and prices look right, then switch it back. Intelligent repricing does not run while the
            region is inactive. Open{' '}
            <Link href="https://sellercentral.amazon.com" target="_blank" rel="noreferrer">
              Seller Central
            </Link>
            .
          </Content>
        </Well>
      </View>
    </>
  );
};
