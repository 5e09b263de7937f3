export * from './secure-bucket';
export * from './election-records-bucket';
