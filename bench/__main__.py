"""Run every benchmark and print one line per measurement, with ratios to same-run baselines."""

import importlib
import pkgutil
import sys

import bench


def main() -> int:
    modules = sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_"))
    print(f"mgf-assess benchmarks ({len(modules)} groups); times are medians")
    for name in modules:
        module = importlib.import_module(f"bench.{name}")
        print(f"\n[{name.removeprefix('bench_')}]")
        for result in module.run():
            print(result.line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
