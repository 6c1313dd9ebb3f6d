// The entry point of a client's audio worker: loads the processor, then runs the cycle loop.
import { workerData, type MessagePort } from 'node:worker_threads';

import { addon } from '../native.js';
import { isProcessorDefinition, type ProcessFunction } from './define.js';
import type { WorkerInit } from './layout.js';
import { ProcessorRuntime } from './runtime.js';
import { compileShortForm, explainMissingVariable } from './short-form.js';

const { init, port } = workerData as { init: WorkerInit; port: MessagePort };
const runtime = new ProcessorRuntime(init, port, new addon.ProcessorLink(new Int32Array(init.control)));

async function loadProcessor(): Promise<ProcessFunction> {
  const source = init.processor;
  if (source.kind === 'function') {
    const callback = compileShortForm(source.source);
    const { ports, context } = { ports: runtime.context.ports, context: runtime.context };
    return (frames) => void callback(frames, ports, context);
  }
  const module = (await import(source.url)) as { default?: unknown };
  if (!isProcessorDefinition(module.default)) {
    throw new TypeError(`processor module ${source.url} must \`export default defineProcessor(...)\` ` +
      "(import { defineProcessor } from 'jack-client/processor')");
  }
  const process = await module.default.setup(runtime.context);
  if (typeof process !== 'function') {
    throw new TypeError(`the setup function of ${source.url} must return the per-cycle function, got ${typeof process}`);
  }
  return process;
}

let process: ProcessFunction | null = null;
try {
  process = await loadProcessor();
} catch (error) {
  runtime.fail(error);
}
if (process !== null) {
  runtime.run(process, init.processor.kind === 'function' ? explainMissingVariable : undefined);
}
port.close();
