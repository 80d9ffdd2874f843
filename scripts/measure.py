"""Runs one command of a benchmark and measures it: shared by bench_tenancy.py and bench_registry.py."""

import os
import subprocess
import sys
import tempfile
import time


def run(cmd, cwd, env, ok=(0,)):
    """Runs a command; returns (exit status, wall seconds, peak RSS in MB, stdout, stderr).

    Exits the benchmark when the status is not in `ok` (None accepts any status)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if ok is not None and code not in ok:
        sys.exit("bench: %s exited %d:\n%s\n%s" % (" ".join(cmd), code, stdout[-2000:], stderr[-4000:]))
    return code, wall, usage.ru_maxrss / 1024.0, stdout, stderr
