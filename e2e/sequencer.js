/**
 * The specs share one local stack, and some leave data behind (new catalogue products, stores, listings) that
 * others list. Jest's default order follows file sizes on a fresh clone, so editing a spec could reorder the run
 * and change what a later spec sees; this runs them in one fixed order (specs not named here run last, by name).
 */
const Sequencer = require('@jest/test-sequencer').default;

const ORDER = [
  'listings-grid',
  'catalog-product',
  'attributes',
  'listings',
  'stores',
  'pricing',
  'foundation',
  'orders',
  'logs',
];
const rank = (path) => {
  const name = path
    .split('/')
    .pop()
    .replace(/\.spec\.ts$/, '');
  const index = ORDER.indexOf(name);
  return index === -1 ? ORDER.length : index;
};

class FixedOrderSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
  }
}

module.exports = FixedOrderSequencer;
