"""What the interop tests share: running myoscreen, collecting failures, the verdict."""
import subprocess


class Checks:
    """Failures are collected, not raised, so one run lists them all."""

    def __init__(self, exe):
        self.exe = exe
        self.failures = []

    def check(self, cond, what):
        if not cond:
            self.failures.append(what)

    def run(self, args, stdin=None, ok=(0,)):
        """myoscreen ARGS with STDIN (bytes); an exit code outside OK ends the test."""
        p = subprocess.run([self.exe] + args, input=stdin, capture_output=True)
        if p.returncode not in ok:
            raise SystemExit(f"{' '.join(args)}: exit {p.returncode}: {p.stderr.decode()[:500]}")
        return p

    def verdict(self, summary):
        """Prints the first failures and SUMMARY; the exit status."""
        for f in self.failures[:30]:
            print("FAIL:", f)
        print(f"{summary}, {len(self.failures)} failures")
        return 1 if self.failures else 0
