export * from './controls/catalogue';
export * from './data-class';
export * from './election-baseline-checks';
export * from '../constructs';
