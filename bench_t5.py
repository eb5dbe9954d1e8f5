import asyncio, tempfile, time, sys, os
from pathlib import Path
from bench import scenarios as sc
async def main():
    n = int(sys.argv[1]); rate = float(sys.argv[2]); bare = len(sys.argv) > 3
    d = Path(tempfile.mkdtemp(prefix="kf-"))
    if os.environ.get("PROFILE"): sc.PROFILE_DIR = d
    r = await (sc.bare_fanout if bare else sc.kohtaamo_fanout)(d, n, rate)
    w = r.cpu
    print(f"{r.path}: elapsed {r.elapsed:.2f} eff {r.efficiency:.2f} commit {r.commit_seconds:.2f} {r.delivery}; bot {w.share('bot'):.2f} standin {w.share('stand-in'):.2f} others {w.share('others'):.2f}")
    print(d)
asyncio.run(main())
