# The benchmark's thru client written with the Python JACK module, the equivalent of the module's
# examples/thru_client.py: two port pairs, each input copied to its output in the process callback,
# connected to the physical ports. Prints "ready" once it runs; ends on SIGTERM.
# Usage: python3 python-thru.py NAME
import signal
import sys
import threading

import jack

client = jack.Client(sys.argv[1] if len(sys.argv) > 1 else 'py_thru', no_start_server=True)
for number in 1, 2:
    client.inports.register('input_%d' % number)
    client.outports.register('output_%d' % number)


@client.set_process_callback
def process(frames):
    for source, destination in zip(client.inports, client.outports):
        destination.get_buffer()[:] = source.get_buffer()


stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
with client:
    capture = client.get_ports(is_physical=True, is_output=True, is_audio=True)
    playback = client.get_ports(is_physical=True, is_input=True, is_audio=True)
    for source, destination in zip(capture, client.inports):
        client.connect(source, destination)
    for source, destination in zip(client.outports, playback):
        client.connect(source, destination)
    print('ready', flush=True)
    stop.wait()
