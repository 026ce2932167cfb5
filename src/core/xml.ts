/**
 * A small XML writer for the feed documents we send Amazon (order acknowledgement, order adjustment): elements,
 * attributes and text only. It replaces xmlbuilder2 in action bundles, where xmlbuilder2 and its DOM
 * (@oozcitak/*, js-yaml) weighed ~1 MB of each order action's bundle (docs/quality.md, P5).
 *
 * Its output is byte-identical to xmlbuilder2 4.x `create(decl).ele(…)….end({ prettyPrint: true })` for the same
 * calls (test/core/xml.test.ts compares the two on generated trees whose elements hold either text or elements, with
 * namespaces declared on the root only, as the feeds do), including xmlbuilder2's escaping: `&` is escaped unless it
 * already starts an entity (`&amp;`, `&#38;`), `<` and `>` always, and `"` in attribute values.
 */

const nonEntityAmpersand = /&(?![A-Za-z]+;|#\d+;)/g;

const escapeText = (text: string): string =>
  text.replace(nonEntityAmpersand, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const escapeAttribute = (value: string): string => escapeText(value).replace(/"/g, '&quot;');

interface XmlElement {
  name: string;
  attributes: Array<[string, string]>;
  children: Array<XmlElement | string>;
}

/** The fluent subset of xmlbuilder2's builder the feed documents use. */
export interface XmlBuilder {
  /** Appends a child element and returns it. */
  ele(name: string, attributes?: Record<string, string>): XmlBuilder;
  /** Appends text to this element and returns this element. */
  txt(text: string): XmlBuilder;
  /** The parent element (this one at the root). */
  up(): XmlBuilder;
  /** The whole document as a string (indented two spaces per level with `prettyPrint`). */
  end(options?: { prettyPrint?: boolean }): string;
}

const serialize = (element: XmlElement, pretty: boolean, depth: number): string => {
  const indent = pretty ? '  '.repeat(depth) : '';
  const attributes = element.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  // Pretty printing drops empty text, so `.txt('')` gives `<a/>` there but `<a></a>` otherwise (as xmlbuilder2).
  const children = pretty ? element.children.filter((child) => child !== '') : element.children;
  if (children.length === 0) return `${indent}<${element.name}${attributes}/>`;
  if (children.every((child) => typeof child === 'string')) {
    return `${indent}<${element.name}${attributes}>${children.map((piece) => escapeText(piece as string)).join('')}</${element.name}>`;
  }
  const newline = pretty ? '\n' : '';
  const inner = children
    .map((child) =>
      typeof child === 'string'
        ? `${pretty ? '  '.repeat(depth + 1) : ''}${escapeText(child)}`
        : serialize(child, pretty, depth + 1),
    )
    .join(newline);
  return `${indent}<${element.name}${attributes}>${newline}${inner}${newline}${indent}</${element.name}>`;
};

/** Starts a document with an XML declaration; call `.ele(rootName)` next, like xmlbuilder2's `create`. */
export const create = (declaration: { version: string; encoding?: string }): { ele: XmlBuilder['ele'] } => {
  const prolog = `<?xml version="${declaration.version}"${declaration.encoding ? ` encoding="${declaration.encoding}"` : ''}?>`;
  const builderFor = (element: XmlElement, parent: XmlBuilder | undefined, root: () => XmlElement): XmlBuilder => {
    const builder: XmlBuilder = {
      ele: (name, attributes = {}) => {
        const child: XmlElement = { name, attributes: Object.entries(attributes), children: [] };
        element.children.push(child);
        return builderFor(child, builder, root);
      },
      txt: (text) => {
        element.children.push(text);
        return builder;
      },
      up: () => parent ?? builder,
      end: ({ prettyPrint = false } = {}) => `${prolog}${prettyPrint ? '\n' : ''}${serialize(root(), prettyPrint, 0)}`,
    };
    return builder;
  };
  return {
    ele: (name, attributes = {}) => {
      const rootElement: XmlElement = { name, attributes: Object.entries(attributes), children: [] };
      return builderFor(rootElement, undefined, () => rootElement);
    },
  };
};
