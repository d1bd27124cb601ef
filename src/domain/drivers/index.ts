// Key-driver analysis' public surface: streamed co-moments, relative importance, performance and quadrants, lagged designs.
export * from './moments';
export * from './importance';
export * from './performance';
export * from './design';
