import asyncio, tempfile, time, sys, os
from pathlib import Path
from bench import scenarios as sc
async def main():
    n = int(sys.argv[1])
    d = Path(tempfile.mkdtemp(prefix="kb-"))
    if os.environ.get("PROFILE"): sc.PROFILE_DIR = d
    t=time.time()
    lat = float(os.environ.get("LAT", "0")) or None
    r = await sc.kohtaamo_dialog(d, n, latency_fraction=lat)
    w = r.cpu
    print(f"{r.per_second:.1f} answers/s; cpu ms/update bot {w.cpu['bot']/r.updates*1000:.2f} standin {w.cpu['stand-in']/r.updates*1000:.2f}; shares bot {w.share('bot'):.2f} standin {w.share('stand-in'):.2f} load {w.share('load generator'):.2f} others {w.share('others'):.2f}; commits {r.commits}; db {r.answers_in_db}")
    if lat:
        from bench.report import percentile as p
        print(f"lat rate {r.latency_rate:.1f}: first p50 {p(r.first_ms,50):.1f} p99 {p(r.first_ms,99):.1f}; question p50 {p(r.question_ms,50):.1f} p99 {p(r.question_ms,99):.1f} n={len(r.question_ms)}")
    print(d)
asyncio.run(main())
