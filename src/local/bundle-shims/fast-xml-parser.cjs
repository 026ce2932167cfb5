// Bundles only: webpack-config.cjs aliases `fast-xml-parser` here for amazon-sp-api alone. amazon-sp-api constructs an
// XMLParser but parses with it only in download()/upload() (report and feed documents), which this app never calls:
// documents go through src/app/listings/documents.ts. Saves ~80 kB per bundle.
class XMLParser {
  parse() {
    throw new Error('fast-xml-parser is not bundled with this action: amazon-sp-api download()/upload() are not used');
  }
}
module.exports = { XMLParser };
