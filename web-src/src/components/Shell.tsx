import { Badge, Flex, Heading, Text, View } from '@adobe/react-spectrum';
import type { CSSProperties } from 'react';
import { HomePage } from '../pages/HomePage';
import { LearningPage } from '../pages/LearningPage';
import { ListingsPage } from '../pages/ListingsPage';
import { LogsPage } from '../pages/LogsPage';
import { OrdersPage } from '../pages/OrdersPage';
import { PricingPage } from '../pages/PricingPage';
import { ReportsPage } from '../pages/ReportsPage';
import { SettingsPage } from '../pages/SettingsPage';
import { hrefOf, ROUTES, type RouteId } from '../routes';
import { useRoute } from '../use-route';
import { useSession } from '../session-context';

const PAGES: Record<RouteId, () => React.JSX.Element> = {
  home: HomePage,
  listings: ListingsPage,
  pricing: PricingPage,
  orders: OrdersPage,
  logs: LogsPage,
  reports: ReportsPage,
  settings: SettingsPage,
  learning: LearningPage,
};

const linkStyle = (active: boolean): CSSProperties => ({
  display: 'block',
  padding: '8px 12px',
  borderRadius: 4,
  textDecoration: 'none',
  color: active ? 'var(--spectrum-global-color-gray-900)' : 'var(--spectrum-global-color-gray-700)',
  background: active ? 'var(--spectrum-global-color-gray-200)' : 'transparent',
  fontWeight: active ? 700 : 400,
});

/** Header, left navigation (one entry per product area) and the current page. */
export const Shell = () => {
  const route = useRoute();
  const { mode } = useSession();
  const Page = PAGES[route];
  return (
    <View minHeight="100vh" backgroundColor="gray-50">
      <View
        paddingX="size-400"
        paddingY="size-200"
        backgroundColor="gray-100"
        borderBottomWidth="thin"
        borderColor="gray-300"
      >
        <Flex alignItems="center" gap="size-200">
          <Heading level={1} margin={0} data-testid="app-title">
            Amazon Sales Channel
          </Heading>
          {mode === 'standalone' && (
            <Badge variant="info" data-testid="standalone-badge">
              Standalone — local development sign-in
            </Badge>
          )}
        </Flex>
      </View>
      <Flex>
        <View
          width="size-2400"
          flexShrink={0}
          padding="size-200"
          borderEndWidth="thin"
          borderColor="gray-300"
          minHeight="90vh"
        >
          <nav aria-label="Amazon Sales Channel sections">
            <Flex direction="column" gap="size-50">
              {ROUTES.map((item) => (
                <a
                  key={item.id}
                  href={hrefOf(item.id)}
                  data-testid={`nav-${item.id}`}
                  aria-current={item.id === route ? 'page' : undefined}
                  style={linkStyle(item.id === route)}
                >
                  <Text>{item.label}</Text>
                </a>
              ))}
            </Flex>
          </nav>
        </View>
        <View flexGrow={1} padding="size-400" minWidth={0}>
          <main data-testid={`page-${route}`}>
            <Page />
          </main>
        </View>
      </Flex>
    </View>
  );
};
