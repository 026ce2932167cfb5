import fc from 'fast-check';
import { create as xmlbuilder2 } from 'xmlbuilder2';
import { create } from '../../src/core/xml';

/** A tree the feed documents can produce: an element holds either text pieces or child elements. */
type Node = { name: string; attributes: Record<string, string>; content: string[] | Node[] };

// Namespaces as the feeds use them: declared once on the root, no prefixed element names (xmlbuilder2 resolves
// namespaces, which this writer does not need to).
const name = fc.constantFrom('AmazonEnvelope', 'Message', 'Amount', 'Item_1', 'a-b');
const text = fc.oneof(
  fc.string(),
  fc.constantFrom('a&b', '&amp;', '&#38;', '&x;', '<tag>', '"quoted"', "it's", ']]>', '\r\n\t', '', 'Ü€…'),
);
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name,
    attributes: fc
      .dictionary(fc.constantFrom('currency', 'id'), text, { maxKeys: 2 })
      .map((attributes) => ({ ...attributes })),
    content: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.array(text, { maxLength: 3 }),
      fc.array(tie('node'), { maxLength: 3 }),
    ),
  }),
})).node;

interface Builder {
  ele(name: string, attributes?: Record<string, string>): Builder;
  txt(text: string): Builder;
  up(): Builder;
}

const build = (parent: Builder, tree: Node): void => {
  const element = parent.ele(tree.name, tree.attributes);
  for (const child of tree.content) {
    if (typeof child === 'string') element.txt(child);
    else build(element, child);
  }
};

const render = (start: typeof create | typeof xmlbuilder2, tree: Node, prettyPrint: boolean): string => {
  const rootAttributes = {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:noNamespaceSchemaLocation': 'amzn-envelope.xsd',
    ...tree.attributes,
  };
  const root = start({ version: '1.0', encoding: 'UTF-8' }).ele(tree.name, rootAttributes) as unknown as Builder & {
    end(options: { prettyPrint: boolean }): string;
  };
  for (const child of tree.content) {
    if (typeof child === 'string') root.txt(child);
    else build(root, child);
  }
  return root.end({ prettyPrint });
};

describe('the feed XML writer', () => {
  test('writes exactly what xmlbuilder2 writes, pretty-printed or not', () => {
    fc.assert(
      fc.property(node, fc.boolean(), (tree, prettyPrint) => {
        expect(render(create, tree, prettyPrint)).toBe(render(xmlbuilder2, tree, prettyPrint));
      }),
      { numRuns: 1000 },
    );
  });

  test('an order acknowledgement reads as Amazon expects, with text escaped', () => {
    const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('AmazonEnvelope', { 'xmlns:xsi': 'x"y' });
    root.ele('Header').ele('DocumentVersion').txt('1.01').up().ele('MerchantIdentifier').txt('A&B <shop>');
    root.ele('Message').ele('MessageID').txt('1').up().ele('Empty');
    expect(root.end({ prettyPrint: true })).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<AmazonEnvelope xmlns:xsi="x&quot;y">',
        '  <Header>',
        '    <DocumentVersion>1.01</DocumentVersion>',
        '    <MerchantIdentifier>A&amp;B &lt;shop&gt;</MerchantIdentifier>',
        '  </Header>',
        '  <Message>',
        '    <MessageID>1</MessageID>',
        '    <Empty/>',
        '  </Message>',
        '</AmazonEnvelope>',
      ].join('\n'),
    );
  });
});
