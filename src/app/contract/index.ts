/**
 * The API's wire contract: every response shape, defined once as a zod schema. The server's
 * views (app/answer-views.ts, app/graph-view.ts) build values of the inferred types, the OpenAPI
 * document describes responses with the same schemas, and the web client imports the types
 * (type-only) from here.
 */
export * from './answers.contract.js';
export * from './entities.contract.js';
export * from './graph.contract.js';
export * from './health.contract.js';
export * from './problem.contract.js';
export * from './reports.contract.js';
