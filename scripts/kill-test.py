#!/usr/bin/env python3
"""Kill test: SIGKILL `patterns build` at seeded random moments and check, after every kill,
that site/ is whole -- byte for byte the site of one of the two versions being built, never a
mix, never missing -- and that the next build clears what the killed one left behind.

Usage: scripts/kill-test.py PATTERNS_BINARY [--kills 50] [--seed 13]
"""
import argparse, hashlib, os, random, shutil, signal, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
FIXTURE = os.path.join(REPO, "Tests/PatternsSiteTests/Fixtures/test-site")
PAGE = "content/patterns/global-lock.md"


def snapshot(folder):
    """Relative path -> sha256 of every file under folder."""
    result = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            with open(path, "rb") as handle:
                result[os.path.relpath(path, folder)] = hashlib.sha256(handle.read()).hexdigest()
    return result


def set_version(root, version):
    """Two versions of the content that differ in one page, so old and new sites differ."""
    with open(os.path.join(FIXTURE, PAGE)) as handle:
        text = handle.read()
    with open(os.path.join(root, PAGE), "w") as handle:
        handle.write(text.replace("Everyone waits.", f"Everyone waits (version {version})."))


def build(binary, root):
    return subprocess.run([binary, "build", "--root", root, "--output", "site"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)

    root = tempfile.mkdtemp(prefix="patterns-kill-test-")
    try:
        for part in ("content", "katas"):
            shutil.copytree(os.path.join(FIXTURE, part), os.path.join(root, part))
        shutil.copytree(os.path.join(REPO, "templates"), os.path.join(root, "templates"))
        site = os.path.join(root, "site")

        expected, durations = {}, []
        for version in (0, 1):
            set_version(root, version)
            start = time.monotonic()
            finished = build(binary, root)
            durations.append(time.monotonic() - start)
            if finished.returncode != 0:
                sys.exit(f"kill test: the fixture site does not build:\n{finished.stderr}")
            expected[version] = snapshot(site)
        assert expected[0] != expected[1]
        longest = max(durations)

        version, failures, mid_write = 1, [], 0
        for kill in range(args.kills):
            version = 1 - version
            set_version(root, version)
            delay = rng.uniform(0, longest * 1.2)
            process = subprocess.Popen([binary, "build", "--root", root, "--output", "site"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            found = snapshot(site) if os.path.isdir(site) else None
            mid_write += any(name.startswith("site.tmp-") for name in os.listdir(root))
            if found not in (expected[0], expected[1]):
                failures.append(f"kill {kill + 1} after {delay:.3f}s: site/ is "
                                + ("missing" if found is None else "neither the old nor the new site"))

        finished = build(binary, root)
        leftovers = sorted(name for name in os.listdir(root) if name.startswith("site."))
        if finished.returncode != 0:
            failures.append(f"the build after the kills failed:\n{finished.stderr}")
        if leftovers:
            failures.append(f"the build after the kills left {leftovers}")
        if failures:
            sys.exit("kill test failed:\n  " + "\n  ".join(failures))
        print(f"kill test: {args.kills} builds killed at random points (seed {args.seed}, "
              f"up to {longest * 1.2:.2f}s), {mid_write} of them while writing; "
              "site/ was whole after every kill; leftovers cleared.")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
