/** The outlay reader lives in the understanding layer; the conversation keeps its old import path. */
export * from '../understanding/outlay-text.js';
