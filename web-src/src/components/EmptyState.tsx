import { Content, Heading, IllustratedMessage, View } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';

/** A page whose data has not arrived yet says what will appear there, instead of inventing rows. */
export const EmptyState = ({ testId, heading, children }: { testId: string; heading: string; children: ReactNode }) => (
  <View data-testid={testId} paddingY="size-600">
    <IllustratedMessage>
      <Heading>{heading}</Heading>
      <Content>{children}</Content>
    </IllustratedMessage>
  </View>
);
