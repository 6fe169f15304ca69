#!/usr/bin/env python3
"""Profile `supplint check DIR --output-format json` in this process, to find where the time of a run goes.

    python bench/hotspots.py DIR [--sort tottime|cumtime] [--limit N] [--out FILE.prof]

The report goes to stderr (the run's own output is discarded); a wall-clock profile under load is noisy, so read
the shares, not the seconds, and confirm a change with bench/run.py or paired CPU times.
"""

import argparse
import cProfile
import io
import pstats
import sys
from contextlib import redirect_stdout


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("target", help="a folder of labels (e.g. one bench/gen_corpus.py wrote)")
    ap.add_argument("--sort", default="tottime", choices=("tottime", "cumtime"))
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--out", help="also save the raw profile here (for snakeviz, pstats)")
    a = ap.parse_args(argv)

    from supplint.cli import cli

    profile = cProfile.Profile()
    sink = io.StringIO()
    with redirect_stdout(sink):
        profile.enable()
        try:
            cli(["check", a.target, "--output-format", "json", "--jobs", "1", "--exit-zero"], standalone_mode=False)
        except SystemExit:  # the command's own exit status: the profile is what matters here
            pass
        finally:
            profile.disable()
    if a.out:
        profile.dump_stats(a.out)
    pstats.Stats(profile, stream=sys.stderr).sort_stats(a.sort).print_stats(a.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
