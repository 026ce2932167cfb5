import { Divider, Flex, Heading, Text, View } from '@adobe/react-spectrum';
import type { ReactNode } from 'react';

export const PageHeader = ({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) => (
  <View marginBottom="size-300">
    <Flex alignItems="center" justifyContent="space-between" wrap gap="size-200">
      <View>
        <Heading level={2} margin={0}>
          {title}
        </Heading>
        {description && <Text>{description}</Text>}
      </View>
      {actions}
    </Flex>
    <Divider size="S" marginTop="size-200" />
  </View>
);
