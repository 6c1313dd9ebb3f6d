// The benchmark's thru client in TypeScript: copies each input to the output of the same index,
// like JACK's thru_client.c and the Python module's thru_client.py.
import { defineProcessor } from 'jack-client/processor';

export default defineProcessor(({ ports }) => {
  return () => {
    const { inports, outports } = ports;
    for (let i = 0; i < inports.length; i++) outports[i]!.getArray().set(inports[i]!.getArray());
  };
});
