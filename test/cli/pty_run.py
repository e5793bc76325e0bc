#!/usr/bin/env python3
"""Drive a command through a real pseudo-terminal, as a person would.

    pty_run.py [--timeout SECONDS] STEP... -- COMMAND [ARG...]

STEPs run in order:
    expect:REGEX     wait until the output (since the last match) matches
    send:KEYS        type keys, comma-separated: up, down, enter, ctrl-c,
                     or text=WORDS (typed as they are)
    sleep:SECONDS    wait
    run:SHELL        run a shell command while the command waits; if it
                     fails, the command is killed and the exit status is 125

Afterwards the command's output is read to the end. The transcript (all the
output, escape sequences included) goes to stdout; the exit status is the
command's (128+N when a signal N killed it), or 124 when an expect timed
out (a message on stderr says which). The terminal is 120x40, TERM=xterm.
"""
import errno
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

KEYS = {"up": b"\x1b[A", "down": b"\x1b[B", "enter": b"\r", "ctrl-c": b"\x03"}


def read_some(fd, timeout):
    """Bytes available within timeout; b'' at EOF; None when nothing came."""
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return None
    try:
        return os.read(fd, 65536)
    except OSError as e:
        if e.errno == errno.EIO:  # the child closed the terminal
            return b""
        raise


def main(argv):
    timeout = 30.0
    if argv[:1] == ["--timeout"]:
        timeout = float(argv[1])
        argv = argv[2:]
    if "--" not in argv:
        sys.exit("usage: pty_run.py [--timeout S] STEP... -- COMMAND [ARG...]")
    split = argv.index("--")
    steps, command = argv[:split], argv[split + 1:]

    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

    output = b""
    cursor = 0
    eof = False
    status = 0
    for step in steps:
        kind, _, arg = step.partition(":")
        if kind == "expect":
            pattern = re.compile(arg.encode())
            deadline = time.monotonic() + timeout
            while True:
                match = pattern.search(output, cursor)
                if match:
                    cursor = match.end()
                    break
                if eof or time.monotonic() > deadline:
                    sys.stdout.buffer.write(output)
                    sys.stderr.write("pty_run: %s waiting for %r\n"
                                     % ("end of output" if eof else "timed out", arg))
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    return 124
                chunk = read_some(fd, 0.1)
                if chunk == b"":
                    eof = True
                elif chunk:
                    output += chunk
        elif kind == "send":
            for key in arg.split(","):
                if key.startswith("text="):
                    os.write(fd, key[5:].encode())
                else:
                    os.write(fd, KEYS[key])
        elif kind == "sleep":
            time.sleep(float(arg))
        elif kind == "run":
            done = subprocess.run(arg, shell=True)
            if done.returncode != 0:
                sys.stdout.buffer.write(output)
                sys.stderr.write("pty_run: %r failed with status %d\n"
                                 % (arg, done.returncode))
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return 125
        else:
            sys.exit("pty_run: unknown step %r" % step)

    deadline = time.monotonic() + timeout
    while not eof and time.monotonic() < deadline:
        chunk = read_some(fd, 0.1)
        if chunk == b"":
            eof = True
        elif chunk:
            output += chunk
    if not eof:
        os.kill(pid, signal.SIGKILL)
        sys.stderr.write("pty_run: the command did not finish\n")
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(output)
    if not eof:
        return 124
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
