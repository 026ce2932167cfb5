import { Button, Content, Heading, InlineAlert, View } from '@adobe/react-spectrum';
import { Component, type ReactNode } from 'react';

/** A rendering bug shows a message and a way out instead of a blank Admin page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { message?: string }> {
  override state: { message?: string } = {};

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.message === undefined) return this.props.children;
    return (
      <View padding="size-400" maxWidth="size-6000">
        <InlineAlert variant="negative">
          <Heading>This page stopped working</Heading>
          <Content>
            {this.state.message}
            <View marginTop="size-200">
              <Button variant="secondary" onPress={() => window.location.reload()}>
                Reload
              </Button>
            </View>
          </Content>
        </InlineAlert>
      </View>
    );
  }
}
