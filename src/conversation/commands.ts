/** The fixed commands are read by the understanding layer; the conversation keeps its old import path. */
export * from '../understanding/commands.js';
