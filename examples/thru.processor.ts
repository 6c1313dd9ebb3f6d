// Copies each audio input to the output of the same index.
import { defineProcessor } from 'jack-client/processor';

export default defineProcessor(({ ports }) => {
  return () => {
    const { inports, outports } = ports;
    for (let i = 0; i < inports.length; i++) outports[i]!.getArray().set(inports[i]!.getArray());
  };
});
