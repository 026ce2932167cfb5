// Bundles only: webpack-config.cjs aliases `csvtojson` here for amazon-sp-api alone, which uses it only in download()
// with `json: true`; this app never calls download() (see fast-xml-parser.cjs). Saves ~40 kB per bundle (with lodash).
module.exports = () => {
  throw new Error('csvtojson is not bundled with this action: amazon-sp-api download() is not used');
};
