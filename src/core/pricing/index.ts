export * from './dry-run';
export * from './engine';
export { addVat, adjustByPercent, HUNDRED_PERCENT, PERCENT_SCALE, SOURCE_SCALE } from './frame';
export * from './guardrails';
export * from './item-condition';
export * from './rules';
export * from './schemas';
export * from './time';
export * from './trace';
