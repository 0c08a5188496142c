"""Meter simulator: a separate process that answers like an IEC 62056-21 meter.

* :mod:`.profiles` -- meter profiles (identification, registers, timing) and telegrams;
* :mod:`.meter` -- the meter's protocol logic (no I/O);
* :mod:`.line` -- the wire: character timing and what a UART at the wrong speed receives;
* :mod:`.server` -- the process: pseudo-terminal or TCP, pacing, faults, signals.
"""
